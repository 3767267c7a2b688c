/**
 * The stages a mentoring relationship moves through, in order. The ids match the server's
 * (src/domain/stages.ts); the tab keeps its own copy so its bundle never reaches into server code.
 */
export type StageId = 'rapport-building' | 'setting-direction' | 'progression' | 'winding-down' | 'moving-on';

export interface StageInfo {
  id: StageId;
  title: string;
  /** One line shown under the stepper for the current stage. */
  hint: string;
  /** Anchor of this stage's section in both the mentor and the mentee guide. */
  guideSection: string;
}

export const stages: StageInfo[] = [
  {
    id: 'rapport-building',
    title: 'Rapport building',
    hint: 'Get to know each other, agree how you will work together, and build trust before the big goals.',
    guideSection: 'stage-rapport-building',
  },
  {
    id: 'setting-direction',
    title: 'Setting direction',
    hint: 'Turn hopes into one to three clear goals, each with a way to tell you are getting there.',
    guideSection: 'stage-setting-direction',
  },
  {
    id: 'progression',
    title: 'Progression',
    hint: 'Meet regularly, try things between sessions, and talk honestly about what worked and what did not.',
    guideSection: 'stage-progression',
  },
  {
    id: 'winding-down',
    title: 'Winding down',
    hint: 'Look back at how far you have come, tie up loose ends, and plan what continues without you both.',
    guideSection: 'stage-winding-down',
  },
  {
    id: 'moving-on',
    title: 'Moving on',
    hint: 'Say thank you, decide how you will stay in touch, and pass on what you learned.',
    guideSection: 'stage-moving-on',
  },
];

import { type StageId } from './stages';

/** A ready-made agenda a pair can drop into a session and then edit; each item becomes one agenda item. */
export interface AgendaTemplate {
  id: string;
  title: string;
  /** 4 to 7 items, each at most 200 characters, so each fits one agenda line. */
  items: string[];
}

/** The first session has its own shape: it is where the pair agrees how the mentoring will run. */
export const firstSessionTemplate: AgendaTemplate = {
  id: 'first-session',
  title: 'First session',
  items: [
    'Introductions: your role, the path that brought you here, and one thing about life outside work',
    'Why each of us signed up, and what a good outcome would look like in six months',
    'Expectations: what the mentee hopes for, what the mentor can and cannot offer',
    'Our mentoring agreement: how often we meet, for how long, and how we keep in touch between sessions',
    'Confidentiality: what stays between us, and the few things that cannot (safety, legal, harassment)',
    'How either of us can end the mentorship kindly, with no blame, if it is not working',
    'Before next time: one thing each of us will do, and the date of our next session',
  ],
};

export const stageTemplates: Record<StageId, AgendaTemplate> = {
  'rapport-building': {
    id: 'rapport-building',
    title: 'Rapport building',
    items: [
      'Catch-up: what has happened at work since we last spoke',
      'Career stories: a turning point each of us has had, and what we learned from it',
      'Strengths: what people come to the mentee for, and what gives them energy at work',
      'What the mentee would like to be different a year from now',
      'Check-in on how we work together: is the rhythm, length and channel right so far?',
      'Before next time: one thing each of us will do',
    ],
  },
  'setting-direction': {
    id: 'setting-direction',
    title: 'Setting direction',
    items: [
      'Catch-up: what has happened since last time, and what came of the last action',
      'Shortlist: the two or three things the mentee most wants to work on',
      'Shape one goal: what exactly, how we will know it is done, and by when',
      'First milestones for that goal, and what might get in the way',
      'Who else could help: people, teams, courses or resources worth a look',
      'Before next time: one small first step on the goal',
    ],
  },
  progression: {
    id: 'progression',
    title: 'Progression',
    items: [
      'Catch-up: what went well since last time, and what was hard',
      'Goal check: progress on each goal and its next milestone',
      'Deep dive: one real situation the mentee is facing right now',
      'Options: two or three ways to handle it, and what each would cost',
      'Feedback both ways: is this time useful, and what should we change?',
      'Before next time: one action, and how the mentee will know it worked',
    ],
  },
  'winding-down': {
    id: 'winding-down',
    title: 'Winding down',
    items: [
      'Look back: where the mentee started, and where they are now on each goal',
      'What helped most in our sessions, and what we would do differently',
      'Loose ends: goals to finish, hand over or let go of',
      'A plan for carrying on: habits, people and resources to keep using',
      'How many more sessions we need, and the date of the last one',
    ],
  },
  'moving-on': {
    id: 'moving-on',
    title: 'Moving on',
    items: [
      'Thank-yous: what each of us will take away from this mentorship',
      'Next goals for the mentee, and who could help with them',
      'Staying in touch: whether, how often and where, with no pressure either way',
      'Paying it forward: could the mentee mentor someone, or the mentor try something new?',
      'Closing the loop: finish the final survey and mark open goals as done or dropped',
    ],
  },
};

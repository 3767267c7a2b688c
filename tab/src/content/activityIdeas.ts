/** Activity ideas for each stage, for when a pair wants a change from talking. */
import { activityIdeasSectionId, type Guide } from './guide';
import { stages, type StageId } from './stages';

const activityIdeasByStage: Record<StageId, { intro: string; ideas: string[] }> = {
  'rapport-building': {
    intro: 'Ways to get to know each other beyond job titles.',
    ideas: [
      'Career timeline: each of you sketches the highs and lows of your working life so far, then talks the other through it.',
      'Three objects: bring (or show on camera) three things that say something about you, and explain why you chose them.',
      'Strengths spotting: the mentee describes a day when work went really well; the mentor names the strengths they hear in the story.',
      'Values sort: each of you picks the five things that matter most to you at work from a list, then compares and asks why.',
      'Walk and talk: hold one session on a walk, in person or on the phone, to take the pressure off.',
    ],
  },
  'setting-direction': {
    intro: 'Ways to turn hopes into clear goals.',
    ideas: [
      'A year from now: the mentee writes a short note dated one year ahead, describing what has changed. Pick goals from it together.',
      'Start, stop, continue: list what the mentee wants to start doing, stop doing and keep doing at work, then choose one from each.',
      'Wheel of skills: rate yourself from 1 to 10 on six skills that matter in your role, and pick the one where a small rise would help most.',
      'Goal rewrite: take a vague goal such as "be more visible" and rewrite it together until you could tell exactly when it is done.',
      'Role model map: name two or three people doing what the mentee wants to do, and list what they do differently.',
    ],
  },
  progression: {
    intro: 'Ways to keep learning and moving between sessions.',
    ideas: [
      'Rehearsal: try out a hard conversation, presentation or interview, with the mentor playing the other person, then swap roles.',
      'Shadowing: the mentee joins one of the mentor\'s meetings as an observer, and you talk it through afterwards.',
      'Introductions: the mentor introduces the mentee to one person who knows about their goal, and the mentee reports back.',
      'Work review: go through a real piece of the mentee\'s work, such as a document, plan or email, and discuss what works and what to change.',
      'Book or talk swap: each of you reads one article or watches one talk chosen by the other, and compares notes.',
      'Experiment log: the mentee tries one new habit or approach a week, notes what happened, and brings the notes to the next session.',
    ],
  },
  'winding-down': {
    intro: 'Ways to take stock and plan for what comes next.',
    ideas: [
      'Before and after: the mentee rereads their first goals and notes from the early sessions, and describes what is different now.',
      'Lessons list: together, write the five most useful things the mentee learned, in their own words.',
      'Support map: list the people, groups and resources the mentee can turn to once the mentorship ends.',
      'Next-goal draft: shape one goal the mentee will work on alone, using the same goal form you used together.',
    ],
  },
  'moving-on': {
    intro: 'Ways to close the mentorship warmly.',
    ideas: [
      'Thank-you notes: each of you writes a few lines about what you gained from the other, and reads them aloud or sends them.',
      'Celebration: mark the end with a coffee, lunch or a relaxed last call with no agenda.',
      'Pay it forward: the mentee thinks about who they could help next, and the mentor shares how they first became a mentor.',
      'Stay-in-touch plan: agree something light, such as a check-in in six months, or simply an open door.',
    ],
  },
};

export const activityIdeas: Guide = {
  id: 'activities',
  title: 'Activity ideas',
  summary:
    'Something to do when you want a change from talking. Pick one that fits your stage, adapt it freely, and skip anything that does not suit you.',
  sections: stages.map((stage) => {
    const { intro, ideas } = activityIdeasByStage[stage.id];
    return { id: activityIdeasSectionId(stage.id), title: stage.title, paragraphs: [intro], bullets: ideas };
  }),
};

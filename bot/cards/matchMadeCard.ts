import template from './templates/match-made.json';
import { bulletList, type MatchMadeView } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** Sent to both people when a proposal is accepted. */
export function matchMadeCard(view: MatchMadeView): AdaptiveCard {
  const other = firstName(view.otherName);
  const isMentor = view.myRole === 'mentor';
  return renderCard(template, {
    heading: isMentor ? `You are now ${view.otherName}'s mentor` : `${view.otherName} will be your mentor`,
    programName: view.programName,
    reasonList: bulletList(view.reasons),
    nextStep: isMentor
      ? `Say hello to ${other} in the next few days and plan your first session together.`
      : `${other} will get in touch to plan your first session. You're welcome to say hello first.`,
    // The starters are about why someone mentors, so a mentee never gets them.
    showIntro: isMentor && view.introPrompt,
    introStarters: bulletList([
      'What you do and what a usual week looks like for you',
      'Why you chose to mentor',
      `An idea for your first session, such as talking through ${other}'s goals`,
    ]),
  });
}

import template from './templates/mentor-options.json';
import { bulletList, matchScoreText, type MentorOptionsView } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

// More than a handful turns a choice into homework; the best few are enough.
const optionsShown = 5;
const reasonsShown = 3;

/** The mentee's best mentor matches, each with a button to ask that mentor. */
export function mentorOptionsCard(view: MentorOptionsView): AdaptiveCard {
  const options = view.options.slice(0, optionsShown).map((option) => ({
    mentorPersonId: option.mentorPersonId,
    name: option.name,
    firstName: firstName(option.name),
    role: option.role.trim(),
    scoreText: matchScoreText(option.score),
    reasonList: bulletList(option.reasons.slice(0, reasonsShown)),
  }));
  return renderCard(template, {
    programId: view.programId,
    programName: view.programName,
    hasOptions: options.length > 0,
    options,
  });
}

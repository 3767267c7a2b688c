import template from './templates/mentor-requested.json';
import type { MentorRequestedView } from './matchViews';
import { renderCard, type AdaptiveCard } from './render';

/** Replaces the options card once the mentee has asked one mentor. */
export function mentorRequestedCard(view: MentorRequestedView): AdaptiveCard {
  return renderCard(template, { mentorName: view.mentorName, expiresOn: view.expiresOn });
}

import template from './templates/session-booked.json';
import { renderCard, type AdaptiveCard } from './render';
import type { SessionBookedView } from './sessionCardViews';

/** A booked session (or one moved): when, the Teams meeting, and Reschedule and Cancel. */
export function sessionBookedCard(view: SessionBookedView): AdaptiveCard {
  return renderCard(template, view);
}

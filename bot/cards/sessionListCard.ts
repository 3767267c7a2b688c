import template from './templates/session-list.json';
import { renderCard, type AdaptiveCard } from './render';
import type { SessionListView } from './sessionCardViews';

/** The "schedule" command: upcoming sessions per pair, each with Reschedule and Cancel, and Find a time. */
export function sessionListCard(view: SessionListView): AdaptiveCard {
  return renderCard(template, view);
}

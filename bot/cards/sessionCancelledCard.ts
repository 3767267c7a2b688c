import template from './templates/session-cancelled.json';
import { renderCard, type AdaptiveCard } from './render';
import type { SessionCancelledView } from './sessionCardViews';

/** A cancelled session, with a way to find a new time. */
export function sessionCancelledCard(view: SessionCancelledView): AdaptiveCard {
  return renderCard(template, view);
}

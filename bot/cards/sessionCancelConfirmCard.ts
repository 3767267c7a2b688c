import template from './templates/session-cancel-confirm.json';
import { renderCard, type AdaptiveCard } from './render';
import type { SessionCancelConfirmView } from './sessionCardViews';

/** Asks before cancelling a session for both people. */
export function sessionCancelConfirmCard(view: SessionCancelConfirmView): AdaptiveCard {
  return renderCard(template, view);
}

import template from './templates/session-propose.json';
import { renderCard, type AdaptiveCard } from './render';
import type { SessionProposeView } from './sessionCardViews';

/** The form to suggest a date and time by hand, in the person's own zone; a problem shows under the fields. */
export function sessionProposeCard(view: SessionProposeView): AdaptiveCard {
  return renderCard(template, view);
}

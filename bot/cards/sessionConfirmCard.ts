import template from './templates/session-confirm.json';
import { renderCard, type AdaptiveCard } from './render';
import type { SessionConfirmView } from './sessionCardViews';

/** A suggested time, for the other person to confirm, in their own zone. */
export function sessionConfirmCard(view: SessionConfirmView): AdaptiveCard {
  return renderCard(template, view);
}

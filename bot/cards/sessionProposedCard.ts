import template from './templates/session-proposed.json';
import { renderCard, type AdaptiveCard } from './render';
import type { SessionProposedView } from './sessionCardViews';

/** What the person who suggested a time sees while the other has not confirmed it. */
export function sessionProposedCard(view: SessionProposedView): AdaptiveCard {
  return renderCard(template, view);
}

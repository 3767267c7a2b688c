import template from './templates/slot-offer.json';
import { renderCard, type AdaptiveCard } from './render';
import type { SlotOfferView } from './sessionCardViews';

/** The slot card: three times both people are free, and a way to suggest another. */
export function slotOfferCard(view: SlotOfferView): AdaptiveCard {
  return renderCard(template, view);
}

import template from './templates/relationship-ended.json';
import type { RelationshipEndedView } from './matchViews';
import { renderCard, type AdaptiveCard } from './render';

export function relationshipEndedCard(view: RelationshipEndedView): AdaptiveCard {
  return renderCard(template, { otherName: view.otherName, endedOn: view.endedOn, rematching: view.rematching });
}

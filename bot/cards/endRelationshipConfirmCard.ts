import template from './templates/end-relationship-confirm.json';
import type { EndRelationshipConfirmView } from './matchViews';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** Asks before ending a mentorship; only a mentee is offered a new mentor. */
export function endRelationshipConfirmCard(view: EndRelationshipConfirmView): AdaptiveCard {
  return renderCard(template, {
    relationshipId: view.relationshipId,
    otherName: view.otherName,
    otherFirstName: firstName(view.otherName),
    isMentee: view.myRole === 'mentee',
  });
}

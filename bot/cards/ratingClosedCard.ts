import template from './templates/rating-closed.json';
import type { RatingView } from '../../src/services/sessionRatings';
import { ratingHeader } from './ratingFormCard';
import { ratingFacts } from './ratingThanksCard';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** Past the edit window: the answers, if any, are final; `refused` says a late change was not saved. */
export function ratingClosedCard(view: RatingView, refused: boolean): AdaptiveCard {
  const header = ratingHeader(view);
  const partner = firstName(view.partnerName);
  const until = `Ratings can be given or changed until ${header.editableUntil}, 7 days after the session.`;
  return renderCard(template, {
    ...header,
    heading: view.rating ? `Your rating of the session with ${partner}` : `The session with ${partner} can no longer be rated`,
    facts: ratingFacts(view),
    closedText: refused ? `${until} Nothing was changed.` : `${until} These answers are final.`,
  });
}

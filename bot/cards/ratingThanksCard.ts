import template from './templates/rating-thanks.json';
import type { RatingView } from '../../src/services/sessionRatings';
import { LOW_RATING } from '../../src/services/sessionRatings';
import { ratingHeader } from './ratingFormCard';
import { firstName, renderCard, type AdaptiveCard } from './render';

/** The saved answers as facts, for the thanks and closed states. */
export function ratingFacts(view: RatingView): { title: string; value: string }[] {
  const rating = view.rating;
  if (!rating) return [];
  const partner = firstName(view.partnerName);
  const facts = [
    { title: 'Your rating', value: `${rating.score} of 5` },
    { title: 'Took place', value: rating.tookPlace ? 'Yes, we met' : 'No, we did not meet' },
    { title: 'Most useful', value: rating.mostUseful ?? '(nothing written)' },
  ];
  if (rating.mostUseful) {
    facts.push({
      title: 'Who sees it',
      value: rating.shareWithPartner ? `The admins and ${partner}` : `The admins only, not ${partner}`,
    });
  }
  for (const goal of view.goals) {
    const progress = rating.goalProgress[goal.id];
    if (progress !== undefined) facts.push({ title: goal.title, value: `${progress} %` });
  }
  return facts;
}

/** After sending: the answers as given, with Edit while they can still change. */
export function ratingThanksCard(view: RatingView, notice = ''): AdaptiveCard {
  const rating = view.rating;
  const flagged = rating !== null && (rating.score <= LOW_RATING || !rating.tookPlace);
  return renderCard(template, {
    ...ratingHeader(view),
    heading: `Thank you for rating your session with ${firstName(view.partnerName)}`,
    notice,
    facts: ratingFacts(view),
    // Said plainly, so nobody is surprised when an admin writes.
    followUp: flagged ? 'Your program admins will see this and may get in touch to see how they can help.' : '',
  });
}

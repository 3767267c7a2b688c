/**
 * The rating card, to each participant's 1:1 chat after a session. Sent by
 * delivery key, so a retried or repeated job never asks anyone twice.
 */
import type { RatingNotifier } from '../src/services/sessionRatings';
import { ratingFormCard } from './cards/ratingFormCard';
import { cardMessage } from './cards/render';
import type { ProactiveSender } from './proactive/sender';

export const RATING_PROMPT = 'rating-prompt';

export function createRatingNotifier(sender: Pick<ProactiveSender, 'deliver'>): RatingNotifier {
  return {
    async ratingPrompt(view, deliveryKey) {
      await sender.deliver(view.tenantId, view.personId, cardMessage(ratingFormCard(view)), {
        kind: RATING_PROMPT,
        subjectId: view.sessionId,
        deliveryKey,
      });
    },
  };
}

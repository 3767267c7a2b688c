/** The session ratings a person gave, with when each rated session was. */
import type { Rating } from '../store/repositories/ratings';
import type { Session } from '../store/repositories/sessions';
import type { Store } from '../store/store';
import type { Member } from './mentoringAccess';

export interface RatingGiven {
  rating: Rating;
  /** Undefined only if the session row is gone. */
  session: Session | undefined;
}

export async function listRatingsGiven(store: Store, member: Member): Promise<RatingGiven[]> {
  const ratings = await store.ratings.listByRater(member.tenantId, member.personId);
  const sessions = await store.sessions.listByIds(member.tenantId, [...new Set(ratings.map((r) => r.sessionId))]);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return ratings.map((rating) => ({ rating, session: byId.get(rating.sessionId) }));
}

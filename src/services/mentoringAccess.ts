/**
 * Who may touch a pair's data: only the two people of the relationship it
 * belongs to, found within the caller's own tenant. Every read and write of
 * "My mentoring" passes through here first, before anything is changed.
 *
 * Ids from another tenant are looked up in the caller's tenant and so are
 * simply unknown (they do not leak); ids of another pair in the same tenant
 * are known but refused.
 */
import type { Goal, Milestone } from '../store/repositories/goals';
import type { Relationship } from '../store/repositories/relationships';
import type { AgendaItem, Session } from '../store/repositories/sessions';
import type { Store } from '../store/store';

/** The signed-in person, as the use cases need them. */
export interface Member {
  tenantId: string;
  personId: string;
}

export type MentoringSubject = 'relationship' | 'goal' | 'milestone' | 'session' | 'agenda item';

export type MentoringRefusalKind = 'unknown' | 'not-a-member' | 'not-active';

/** Thrown by the mentoring use cases; the HTTP edge turns it into 404, 403 or 409. */
export class MentoringRefusal extends Error {
  constructor(
    readonly kind: MentoringRefusalKind,
    readonly subject: MentoringSubject,
    /** For 'not-active': the relationship's status. */
    readonly status?: Relationship['status'],
  ) {
    super(`${kind} ${subject}`);
    this.name = 'MentoringRefusal';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id names nothing; asking the database would only fail on PostgreSQL's uuid type. */
function known<T>(subject: MentoringSubject, id: string, lookup: () => Promise<T | undefined>): Promise<T> {
  if (!UUID.test(id)) return Promise.reject(new MentoringRefusal('unknown', subject));
  return lookup().then((found) => {
    if (found === undefined) throw new MentoringRefusal('unknown', subject);
    return found;
  });
}

export function isMember(member: Member, relationship: Relationship): boolean {
  return relationship.mentorPersonId === member.personId || relationship.menteePersonId === member.personId;
}

export type PairAccess = ReturnType<typeof createPairAccess>;

export function createPairAccess(store: Store) {
  /** `subject` is what was asked for: a goal of another pair is refused as a goal. */
  async function ownRelationship(member: Member, relationshipId: string, subject: MentoringSubject = 'relationship') {
    const relationship = await known('relationship', relationshipId, () => store.relationships.get(member.tenantId, relationshipId));
    if (!isMember(member, relationship)) throw new MentoringRefusal('not-a-member', subject);
    return relationship;
  }

  return {
    relationship: (member: Member, relationshipId: string): Promise<Relationship> => ownRelationship(member, relationshipId),

    async goal(member: Member, goalId: string): Promise<{ goal: Goal; relationship: Relationship }> {
      const goal = await known('goal', goalId, () => store.goals.get(member.tenantId, goalId));
      return { goal, relationship: await ownRelationship(member, goal.relationshipId, 'goal') };
    },

    async milestone(member: Member, milestoneId: string): Promise<{ milestone: Milestone; goal: Goal; relationship: Relationship }> {
      const milestone = await known('milestone', milestoneId, () => store.goals.getMilestone(member.tenantId, milestoneId));
      const goal = await known('goal', milestone.goalId, () => store.goals.get(member.tenantId, milestone.goalId));
      return { milestone, goal, relationship: await ownRelationship(member, goal.relationshipId, 'milestone') };
    },

    async session(member: Member, sessionId: string): Promise<{ session: Session; relationship: Relationship }> {
      const session = await known('session', sessionId, () => store.sessions.get(member.tenantId, sessionId));
      return { session, relationship: await ownRelationship(member, session.relationshipId, 'session') };
    },

    async agendaItem(member: Member, itemId: string): Promise<{ item: AgendaItem; relationship: Relationship }> {
      const item = await known('agenda item', itemId, () => store.sessions.getAgendaItem(member.tenantId, itemId));
      const session = await known('session', item.sessionId, () => store.sessions.get(member.tenantId, item.sessionId));
      return { item, relationship: await ownRelationship(member, session.relationshipId, 'agenda item') };
    },
  };
}

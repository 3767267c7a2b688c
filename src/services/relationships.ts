/**
 * A person's matches: what they have and what they are waiting on, and ending
 * a mentorship without blame, with a new mentor proposed when the mentee asks.
 */
import { isMentee } from '../domain/roles';
import type { Relationship } from '../store/repositories/relationships';
import type { Person } from '../store/repositories/people';
import type { Program } from '../store/repositories/programs';
import type { Store } from '../store/store';
import type { MatchNotifier } from './ports';
import type { ProposalService } from './proposals';

export interface MatchStatus {
  program: Program;
  relationships: { relationship: Relationship; otherName: string; myRole: 'mentor' | 'mentee' }[];
  pending: { proposalId: string; otherName: string; myRole: 'mentor' | 'mentee'; expiresAt: Date }[];
  /** A mentee in a mentee-choice program with no mentor and nothing pending. */
  canFindMentor: boolean;
}

export type EndResult =
  | { kind: 'ended'; otherName: string; at: Date; rematching: boolean }
  | { kind: 'already-ended'; otherName: string; at: Date }
  | { kind: 'unknown' };

export function createRelationshipService(deps: { store: Store; proposals: ProposalService; notifier: MatchNotifier }) {
  const { store } = deps;
  const nameOf = async (tenantId: string, personId: string) =>
    (await store.people.get(tenantId, personId))?.name ?? 'your partner';

  /** The relationship, only for the two people in it. */
  async function ownRelationship(person: Person, relationshipId: string) {
    const relationship = await store.relationships.get(person.tenantId, relationshipId);
    if (!relationship) return undefined;
    if (relationship.mentorPersonId !== person.id && relationship.menteePersonId !== person.id) return undefined;
    const { myRole, otherId } = sideOf(person.id, relationship);
    return { relationship, myRole, otherId, otherName: await nameOf(person.tenantId, otherId) };
  }

  return {
    ownRelationship,

    async status(person: Person, program: Program): Promise<MatchStatus> {
      const [relationships, proposals, enrollment] = await Promise.all([
        store.relationships.listForPerson(person.tenantId, person.id),
        store.matchProposals.listOpenForPerson(person.tenantId, person.id),
        store.enrollments.find(person.tenantId, program.id, person.id),
      ]);
      const current = relationships.filter(
        (r) => r.programId === program.id && (r.status === 'active' || r.status === 'paused'),
      );
      const pending = proposals.filter((p) => p.programId === program.id);
      const isMenteeHere = enrollment?.status === 'active' && isMentee(enrollment.role);
      const hasMentor = current.some((r) => r.menteePersonId === person.id);
      const waiting = pending.some((p) => p.menteePersonId === person.id);
      return {
        program,
        relationships: await Promise.all(
          current.map(async (relationship) => {
            const { myRole, otherId } = sideOf(person.id, relationship);
            return { relationship, myRole, otherName: await nameOf(person.tenantId, otherId) };
          }),
        ),
        pending: await Promise.all(
          pending.map(async (p) => {
            const { myRole, otherId } = sideOf(person.id, p);
            return { proposalId: p.id, myRole, otherName: await nameOf(person.tenantId, otherId), expiresAt: p.expiresAt! };
          }),
        ),
        canFindMentor: isMenteeHere && !hasMentor && !waiting && program.matchingMode === 'mentee-choice',
      };
    },

    /**
     * Ends a relationship for either person. The other is told kindly; the
     * reason stays in the record for the program's admins. A mentee who asks
     * for a new match gets the next best mentor proposed.
     */
    async end(person: Person, relationshipId: string, reason: string | null, rematch: boolean): Promise<EndResult> {
      const own = await ownRelationship(person, relationshipId);
      if (!own) return { kind: 'unknown' };
      const ended = await store.transaction(async (tx) => {
        const row = await tx.relationships.end(person.tenantId, relationshipId, 'ended', reason);
        if (row) {
          await tx.auditLog.record({
            tenantId: person.tenantId,
            actorPersonId: person.id,
            action: 'relationship.end',
            targetType: 'relationship',
            targetId: relationshipId,
            details: { by: own.myRole, reasonGiven: Boolean(reason), rematch },
          });
        }
        return row;
      });
      if (!ended) return { kind: 'already-ended', otherName: own.otherName, at: own.relationship.endedAt ?? new Date() };

      const rematching = rematch && own.myRole === 'mentee';
      await deps.notifier.relationshipEnded(person.tenantId, own.otherId, person.name);
      if (rematching) {
        const program = await store.programs.get(person.tenantId, ended.programId);
        if (program) await deps.proposals.proposeNextBest(program, person.id);
      }
      return { kind: 'ended', otherName: own.otherName, at: ended.endedAt ?? new Date(), rematching };
    },
  };
}

export type RelationshipService = ReturnType<typeof createRelationshipService>;

/** Which side of a pair (a relationship or a proposal) this person is on, and who the other is. */
function sideOf(personId: string, pair: { mentorPersonId: string; menteePersonId: string }) {
  return pair.mentorPersonId === personId
    ? { myRole: 'mentor' as const, otherId: pair.menteePersonId }
    : { myRole: 'mentee' as const, otherId: pair.mentorPersonId };
}

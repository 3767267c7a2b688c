import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { pairFlags, people, relationships } from '../schema';
import type { Db } from '../database';

export type PairFlag = typeof pairFlags.$inferSelect;
export type PairFlagReason = PairFlag['reason'];

export interface PairFlagDraft {
  tenantId: string;
  relationshipId: string;
  reason: PairFlagReason;
  /** Names the occasion, e.g. `low-rating:${sessionId}:${raterId}`: a second raise with the same key is ignored. */
  key: string;
  sessionId?: string | null;
  raisedByPersonId?: string | null;
  raisedAt: Date;
}

/** An open flag with the pair it is about, as an admin screen lists it. */
export interface OpenPairFlag extends PairFlag {
  programId: string;
  mentorPersonId: string;
  mentorName: string;
  menteePersonId: string;
  menteeName: string;
}

export function pairFlagsRepository(db: Db) {
  /** Keeps an admin of one program away from the flags of the tenant's other programs. */
  const ofProgram = (tenantId: string, programId: string): SQL =>
    inArray(
      pairFlags.relationshipId,
      db
        .select({ id: relationships.id })
        .from(relationships)
        .where(and(eq(relationships.tenantId, tenantId), eq(relationships.programId, programId))),
    );

  async function find(tenantId: string, id: string, scope?: SQL): Promise<PairFlag | undefined> {
    const [row] = await db
      .select()
      .from(pairFlags)
      .where(and(eq(pairFlags.tenantId, tenantId), eq(pairFlags.id, id), scope));
    return row;
  }

  async function markResolved(tenantId: string, id: string, byPersonId: string, at: Date, scope?: SQL): Promise<PairFlag | undefined> {
    const [row] = await db
      .update(pairFlags)
      .set({ resolvedAt: at, resolvedByPersonId: byPersonId })
      .where(and(eq(pairFlags.tenantId, tenantId), eq(pairFlags.id, id), isNull(pairFlags.resolvedAt), scope))
      .returning();
    return row;
  }

  return {
    /** Raises a flag once per key; undefined when that occasion was already flagged. */
    async raise(draft: PairFlagDraft): Promise<PairFlag | undefined> {
      const [row] = await db
        .insert(pairFlags)
        .values({ ...draft, sessionId: draft.sessionId ?? null, raisedByPersonId: draft.raisedByPersonId ?? null })
        .onConflictDoNothing({ target: [pairFlags.tenantId, pairFlags.key] })
        .returning();
      return row;
    },

    async get(tenantId: string, id: string): Promise<PairFlag | undefined> {
      return find(tenantId, id);
    },

    /** Undefined for a flag of another program's pair, as for an unknown one. */
    async getInProgram(tenantId: string, programId: string, id: string): Promise<PairFlag | undefined> {
      return find(tenantId, id, ofProgram(tenantId, programId));
    },

    async listForRelationship(tenantId: string, relationshipId: string): Promise<PairFlag[]> {
      return db
        .select()
        .from(pairFlags)
        .where(and(eq(pairFlags.tenantId, tenantId), eq(pairFlags.relationshipId, relationshipId)))
        .orderBy(asc(pairFlags.raisedAt), asc(pairFlags.id));
    },

    /** The flags of a program's pairs that no admin has resolved yet, oldest first. */
    async listOpenForProgram(tenantId: string, programId: string): Promise<OpenPairFlag[]> {
      const mentor = alias(people, 'mentor');
      const mentee = alias(people, 'mentee');
      const rows = await db
        .select({
          flag: pairFlags,
          programId: relationships.programId,
          mentorPersonId: relationships.mentorPersonId,
          mentorName: mentor.name,
          menteePersonId: relationships.menteePersonId,
          menteeName: mentee.name,
        })
        .from(pairFlags)
        .innerJoin(
          relationships,
          and(eq(relationships.tenantId, pairFlags.tenantId), eq(relationships.id, pairFlags.relationshipId)),
        )
        .innerJoin(mentor, and(eq(mentor.tenantId, relationships.tenantId), eq(mentor.id, relationships.mentorPersonId)))
        .innerJoin(mentee, and(eq(mentee.tenantId, relationships.tenantId), eq(mentee.id, relationships.menteePersonId)))
        .where(and(eq(pairFlags.tenantId, tenantId), eq(relationships.programId, programId), isNull(pairFlags.resolvedAt)))
        .orderBy(asc(pairFlags.raisedAt), asc(pairFlags.id));
      return rows.map(({ flag, ...pair }) => ({ ...flag, ...pair }));
    },

    /** Marks an open flag resolved; undefined when it is unknown, another tenant's, or already resolved. */
    async resolve(tenantId: string, id: string, byPersonId: string, at: Date): Promise<PairFlag | undefined> {
      return markResolved(tenantId, id, byPersonId, at);
    },

    /** As resolve, and undefined for a flag of another program's pair too. */
    async resolveInProgram(tenantId: string, programId: string, id: string, byPersonId: string, at: Date): Promise<PairFlag | undefined> {
      return markResolved(tenantId, id, byPersonId, at, ofProgram(tenantId, programId));
    },
  };
}

import { and, asc, desc, eq, exists, gt, inArray, lte, or, sql } from 'drizzle-orm';
import { programs, relationships, sessions } from '../schema';
import type { Db } from '../database';

export type Relationship = typeof relationships.$inferSelect;
export type RelationshipStage = Relationship['stage'];

/** An active pair as the nudge sweep weighs it: its cadence, when it last met, whether anything is booked ahead. */
export interface NudgeCandidate {
  relationship: Relationship;
  programName: string;
  cadenceDays: number;
  /** The latest held or scheduled session that has started by `now`; null when the pair never met. */
  lastSession: { id: string; startsAt: Date } | null;
  /** A scheduled or proposed session starting after `now`. */
  bookedAhead: boolean;
}

export interface RelationshipDraft {
  tenantId: string;
  programId: string;
  mentorPersonId: string;
  menteePersonId: string;
  proposalId?: string | null;
  /** Defaults to the first stage, 'rapport-building'. */
  stage?: RelationshipStage;
}

export function relationshipsRepository(db: Db) {
  const byId = (tenantId: string, id: string) => and(eq(relationships.tenantId, tenantId), eq(relationships.id, id));

  return {
    async create(draft: RelationshipDraft): Promise<Relationship> {
      const [row] = await db
        .insert(relationships)
        .values({ ...draft, stage: draft.stage ?? 'rapport-building', status: 'active' })
        .returning();
      return row!;
    },

    async get(tenantId: string, id: string): Promise<Relationship | undefined> {
      const [row] = await db.select().from(relationships).where(byId(tenantId, id));
      return row;
    },

    /** The relationships a person is in, as mentor or as mentee, oldest first. */
    async listForPerson(tenantId: string, personId: string): Promise<Relationship[]> {
      return db
        .select()
        .from(relationships)
        .where(
          and(
            eq(relationships.tenantId, tenantId),
            or(eq(relationships.mentorPersonId, personId), eq(relationships.menteePersonId, personId)),
          ),
        )
        .orderBy(asc(relationships.startedAt), asc(relationships.id));
    },

    async setStage(tenantId: string, id: string, stage: RelationshipStage): Promise<Relationship | undefined> {
      const [row] = await db.update(relationships).set({ stage }).where(byId(tenantId, id)).returning();
      return row;
    },

    /** Moves an active relationship to a stage; undefined when it is not active (paused or ended). */
    async setStageIfActive(tenantId: string, id: string, stage: RelationshipStage): Promise<Relationship | undefined> {
      const [row] = await db
        .update(relationships)
        .set({ stage })
        .where(and(byId(tenantId, id), eq(relationships.status, 'active')))
        .returning();
      return row;
    },

    /** Ends an active or paused relationship; undefined when it had already ended. */
    async end(
      tenantId: string,
      id: string,
      status: 'finished' | 'ended',
      reason: string | null,
    ): Promise<Relationship | undefined> {
      const [row] = await db
        .update(relationships)
        .set({ status, endedAt: sql`now()`, endReason: reason })
        .where(and(byId(tenantId, id), inArray(relationships.status, ['active', 'paused'])))
        .returning();
      return row;
    },
  
    /** The tenant's active pairs, for the nudge sweep (see NudgeCandidate), oldest first. */
    async listNudgeCandidates(tenantId: string, now: Date): Promise<NudgeCandidate[]> {
      const ofPair = and(eq(sessions.tenantId, relationships.tenantId), eq(sessions.relationshipId, relationships.id));
      const lastMet = db
        .select({ id: sessions.id, startsAt: sessions.startsAt })
        .from(sessions)
        .where(and(ofPair, inArray(sessions.status, ['held', 'scheduled']), lte(sessions.startsAt, now)))
        .orderBy(desc(sessions.startsAt), desc(sessions.id))
        .limit(1)
        .as('last_met');
      const ahead = db
        .select({ one: sql`1` })
        .from(sessions)
        .where(and(ofPair, inArray(sessions.status, ['scheduled', 'proposed']), gt(sessions.startsAt, now)));
      const rows = await db
        .select({
          relationship: relationships,
          programName: programs.name,
          cadenceDays: programs.cadenceDays,
          lastId: lastMet.id,
          lastStartsAt: lastMet.startsAt,
          bookedAhead: exists(ahead),
        })
        .from(relationships)
        .innerJoin(programs, and(eq(programs.tenantId, relationships.tenantId), eq(programs.id, relationships.programId)))
        .leftJoinLateral(lastMet, sql`true`)
        .where(and(eq(relationships.tenantId, tenantId), eq(relationships.status, 'active')))
        .orderBy(asc(relationships.startedAt), asc(relationships.id));
      return rows.map((row) => ({
        relationship: row.relationship,
        programName: row.programName,
        cadenceDays: row.cadenceDays,
        lastSession: row.lastId && row.lastStartsAt ? { id: row.lastId, startsAt: row.lastStartsAt } : null,
        bookedAhead: Boolean(row.bookedAhead),
      }));
    },

    /** Every relationship ever made in a program: past pairs are not proposed again. */
    async listForProgram(tenantId: string, programId: string): Promise<Relationship[]> {
      return db
        .select()
        .from(relationships)
        .where(and(eq(relationships.tenantId, tenantId), eq(relationships.programId, programId)));
    },
  };
}

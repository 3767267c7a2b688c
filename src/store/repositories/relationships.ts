import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { relationships } from '../schema';
import type { Db } from '../database';

export type Relationship = typeof relationships.$inferSelect;
export type RelationshipStage = Relationship['stage'];

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
  
    /** Every relationship ever made in a program: past pairs are not proposed again. */
    async listForProgram(tenantId: string, programId: string): Promise<Relationship[]> {
      return db
        .select()
        .from(relationships)
        .where(and(eq(relationships.tenantId, tenantId), eq(relationships.programId, programId)));
    },
  };
}

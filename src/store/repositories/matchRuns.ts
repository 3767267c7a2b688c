import { and, desc, eq } from 'drizzle-orm';
import { matchRuns } from '../schema';
import type { Db } from '../database';
import type { MatchRunResults, Objective } from '../../domain/matchRuns';

export type MatchRun = typeof matchRuns.$inferSelect;

export function matchRunsRepository(db: Db) {
  const byId = (tenantId: string, id: string) => and(eq(matchRuns.tenantId, tenantId), eq(matchRuns.id, id));

  return {
    async create(run: { tenantId: string; programId: string; startedByPersonId: string; results: MatchRunResults }): Promise<MatchRun> {
      const [row] = await db.insert(matchRuns).values({ ...run, status: 'draft' }).returning();
      return row!;
    },

    async get(tenantId: string, id: string): Promise<MatchRun | undefined> {
      const [row] = await db.select().from(matchRuns).where(byId(tenantId, id));
      return row;
    },

    async listForProgram(tenantId: string, programId: string, limit = 20): Promise<MatchRun[]> {
      return db
        .select()
        .from(matchRuns)
        .where(and(eq(matchRuns.tenantId, tenantId), eq(matchRuns.programId, programId)))
        .orderBy(desc(matchRuns.createdAt))
        .limit(limit);
    },

    /** Marks a draft published, once: a second or racing publish gets undefined. */
    async markPublished(tenantId: string, id: string, objective: Objective): Promise<MatchRun | undefined> {
      const [row] = await db
        .update(matchRuns)
        .set({ status: 'published', publishedObjective: objective, publishedAt: new Date() })
        .where(and(byId(tenantId, id), eq(matchRuns.status, 'draft')))
        .returning();
      return row;
    },
  };
}

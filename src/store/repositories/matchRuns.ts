import { and, desc, eq, sql } from 'drizzle-orm';
import { matchRuns } from '../schema';
import type { Db } from '../database';
import type { MatchRunResults, Objective } from '../../domain/matchRuns';

/**
 * 'running' while the pool is scored and solved in the background, then
 * 'draft' (or 'failed'); 'published' once one draft is proposed. The column
 * is text without a database check, so these extra values need no migration.
 */
export type MatchRunStatus = 'running' | 'draft' | 'published' | 'discarded' | 'failed';

type MatchRunRow = typeof matchRuns.$inferSelect;
export type MatchRun = Omit<MatchRunRow, 'status'> & { status: MatchRunStatus };

const asRun = (row: MatchRunRow): MatchRun => row as MatchRun;

export function matchRunsRepository(db: Db) {
  const byId = (tenantId: string, id: string) => and(eq(matchRuns.tenantId, tenantId), eq(matchRuns.id, id));

  return {
    async create(run: { tenantId: string; programId: string; startedByPersonId: string; results: MatchRunResults }): Promise<MatchRun> {
      const [row] = await db.insert(matchRuns).values({ ...run, status: 'draft' }).returning();
      return asRun(row!);
    },

    /** A run whose work has not finished: `results` holds what is known so far (progress, weights). */
    async createRunning(run: { tenantId: string; programId: string; startedByPersonId: string; results: MatchRunResults }): Promise<MatchRun> {
      const [row] = await db
        .insert(matchRuns)
        .values({ ...run, status: sql`'running'` as unknown as 'draft' })
        .returning();
      return asRun(row!);
    },

    /** Replaces a running run's results (progress, or the finished drafts) and moves it to `status`; undefined when it is no longer running. */
    async updateRunning(tenantId: string, id: string, results: MatchRunResults, status: 'running' | 'draft' | 'failed'): Promise<MatchRun | undefined> {
      const [row] = await db
        .update(matchRuns)
        .set({ results, status: sql`${status}` as unknown as 'draft' })
        .where(and(byId(tenantId, id), sql`${matchRuns.status} = 'running'`))
        .returning();
      return row && asRun(row);
    },

    async get(tenantId: string, id: string): Promise<MatchRun | undefined> {
      const [row] = await db.select().from(matchRuns).where(byId(tenantId, id));
      return row && asRun(row);
    },

    async listForProgram(tenantId: string, programId: string, limit = 20): Promise<MatchRun[]> {
      const rows = await db
        .select()
        .from(matchRuns)
        .where(and(eq(matchRuns.tenantId, tenantId), eq(matchRuns.programId, programId)))
        .orderBy(desc(matchRuns.createdAt))
        .limit(limit);
      return rows.map(asRun);
    },

    /** Marks a draft published, once: a second or racing publish gets undefined. */
    async markPublished(tenantId: string, id: string, objective: Objective): Promise<MatchRun | undefined> {
      const [row] = await db
        .update(matchRuns)
        .set({ status: 'published', publishedObjective: objective, publishedAt: new Date() })
        .where(and(byId(tenantId, id), eq(matchRuns.status, 'draft')))
        .returning();
      return row && asRun(row);
    },
  };
}

import { and, asc, eq } from 'drizzle-orm';
import { programs } from '../schema';
import type { Db } from '../database';
import type { ProgramSettings } from '../../domain/program';

export type Program = typeof programs.$inferSelect;

export function programsRepository(db: Db) {
  return {
    /** Creates the program unless the tenant already has one with its slug; returns the stored one. */
    async ensure(tenantId: string, settings: ProgramSettings): Promise<Program> {
      await db
        .insert(programs)
        .values({ tenantId, ...settings })
        .onConflictDoNothing({ target: [programs.tenantId, programs.slug] });
      const [row] = await db
        .select()
        .from(programs)
        .where(and(eq(programs.tenantId, tenantId), eq(programs.slug, settings.slug)));
      return row!;
    },

    async get(tenantId: string, programId: string): Promise<Program | undefined> {
      const [row] = await db
        .select()
        .from(programs)
        .where(and(eq(programs.tenantId, tenantId), eq(programs.id, programId)));
      return row;
    },

    async listOpen(tenantId: string): Promise<Program[]> {
      return db
        .select()
        .from(programs)
        .where(and(eq(programs.tenantId, tenantId), eq(programs.status, 'open')))
        .orderBy(asc(programs.createdAt), asc(programs.name));
    },
  };
}

import { and, asc, eq } from 'drizzle-orm';
import { programAdmins, programs } from '../schema';
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

    async isAdmin(tenantId: string, programId: string, personId: string): Promise<boolean> {
      const rows = await db
        .select({ personId: programAdmins.personId })
        .from(programAdmins)
        .where(
          and(eq(programAdmins.tenantId, tenantId), eq(programAdmins.programId, programId), eq(programAdmins.personId, personId)),
        );
      return rows.length > 0;
    },

    /** Makes the person an admin of the program; adding an existing admin changes nothing. */
    async addAdmin(tenantId: string, programId: string, personId: string): Promise<void> {
      await db.insert(programAdmins).values({ tenantId, programId, personId }).onConflictDoNothing();
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

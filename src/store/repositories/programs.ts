import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { enrollments, people, programAdmins, programs } from '../schema';
import type { Db } from '../database';
import type { ProgramSettings, ProgramStatus } from '../../domain/program';
import type { Questionnaire } from '../../domain/questionnaire';

export type Program = typeof programs.$inferSelect;

/** What an admin may change on a program; the questionnaire and status have their own writes. */
export type ProgramChanges = Partial<
  Pick<
    ProgramSettings,
    | 'name'
    | 'description'
    | 'type'
    | 'shape'
    | 'startsOn'
    | 'endsOn'
    | 'matchingMode'
    | 'mentorCapacityDefault'
    | 'cadenceDays'
    | 'sessionMinutes'
    | 'reminderOffsetsMinutes'
    | 'ratingDelayMinutes'
    | 'maxTimeZoneGapHours'
    | 'proposalExpiryDays'
  >
>;

export interface ProgramAdmin {
  personId: string;
  name: string;
}

export function programsRepository(db: Db) {
  const byId = (tenantId: string, programId: string) => and(eq(programs.tenantId, tenantId), eq(programs.id, programId));

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

    /** Creates a new program; undefined when the tenant already has its slug (the caller picks another). */
    async create(tenantId: string, settings: ProgramSettings): Promise<Program | undefined> {
      const [row] = await db
        .insert(programs)
        .values({ tenantId, ...settings })
        .onConflictDoNothing({ target: [programs.tenantId, programs.slug] })
        .returning();
      return row;
    },

    async get(tenantId: string, programId: string): Promise<Program | undefined> {
      const [row] = await db.select().from(programs).where(byId(tenantId, programId));
      return row;
    },

    async listAll(tenantId: string): Promise<Program[]> {
      return db.select().from(programs).where(eq(programs.tenantId, tenantId)).orderBy(asc(programs.createdAt), asc(programs.name));
    },

    /** The programs a person is an admin of (by program_admins, not as a tenant admin). */
    async listAdministeredBy(tenantId: string, personId: string): Promise<Program[]> {
      const rows = await db
        .select({ program: programs })
        .from(programs)
        .innerJoin(
          programAdmins,
          and(eq(programAdmins.tenantId, programs.tenantId), eq(programAdmins.programId, programs.id), eq(programAdmins.personId, personId)),
        )
        .where(eq(programs.tenantId, tenantId))
        .orderBy(asc(programs.createdAt), asc(programs.name));
      return rows.map((r) => r.program);
    },

    async update(tenantId: string, programId: string, changes: ProgramChanges): Promise<Program | undefined> {
      const [row] = await db
        .update(programs)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(byId(tenantId, programId))
        .returning();
      return row;
    },

    /** Replaces the questionnaire only if the program was not changed since `expectedUpdatedAt`: two admins editing at once cannot overwrite each other unseen. */
    async replaceQuestionnaire(
      tenantId: string,
      programId: string,
      questionnaire: Questionnaire,
      expectedUpdatedAt: Date,
    ): Promise<Program | undefined> {
      const [row] = await db
        .update(programs)
        .set({ questionnaire, updatedAt: sql`now()` })
        // The server keeps microseconds; a JS Date has milliseconds.
        .where(and(byId(tenantId, programId), sql`date_trunc('milliseconds', ${programs.updatedAt}) = ${expectedUpdatedAt.toISOString()}::timestamptz`))
        .returning();
      return row;
    },

    /** Moves the program from one of `from` to `to`; undefined when it was not in one of them (a repeat changes nothing). */
    async setStatus(tenantId: string, programId: string, from: ProgramStatus[], to: ProgramStatus): Promise<Program | undefined> {
      const [row] = await db
        .update(programs)
        .set({ status: to, updatedAt: sql`now()` })
        .where(and(byId(tenantId, programId), inArray(programs.status, from)))
        .returning();
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

    async listAdmins(tenantId: string, programId: string): Promise<ProgramAdmin[]> {
      return db
        .select({ personId: programAdmins.personId, name: people.name })
        .from(programAdmins)
        .innerJoin(people, and(eq(people.tenantId, programAdmins.tenantId), eq(people.id, programAdmins.personId)))
        .where(and(eq(programAdmins.tenantId, tenantId), eq(programAdmins.programId, programId)))
        .orderBy(asc(people.name), asc(people.id));
    },

    /** Sets the program's admins to exactly these people (call inside a transaction). */
    async replaceAdmins(tenantId: string, programId: string, personIds: string[]): Promise<void> {
      await db.delete(programAdmins).where(and(eq(programAdmins.tenantId, tenantId), eq(programAdmins.programId, programId)));
      if (personIds.length > 0) {
        await db
          .insert(programAdmins)
          .values(personIds.map((personId) => ({ tenantId, programId, personId })))
          .onConflictDoNothing();
      }
    },

    /** How many enrollments of the program answered each question, by question id. */
    async answeredCounts(tenantId: string, programId: string): Promise<Map<string, number>> {
      const rows = await db
        .select({ questionId: sql<string>`jsonb_object_keys(${enrollments.answers})` })
        .from(enrollments)
        .where(and(eq(enrollments.tenantId, tenantId), eq(enrollments.programId, programId)));
      const counts = new Map<string, number>();
      for (const { questionId } of rows) counts.set(questionId, (counts.get(questionId) ?? 0) + 1);
      return counts;
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

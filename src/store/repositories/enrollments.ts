import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { enrollments, people } from '../schema';
import type { Db } from '../database';
import type { Answers } from '../../domain/answers';
import type { Role } from '../../domain/roles';

export type Enrollment = typeof enrollments.$inferSelect;

/** An enrollment with the name and directory ids matching needs. */
export interface EnrollmentWithPerson extends Enrollment {
  name: string;
  aadObjectId: string | null;
  email: string | null;
}

export interface EnrollmentDraft {
  tenantId: string;
  programId: string;
  personId: string;
  role: Role;
  answers: Answers;
  mentorCapacity: number | null;
}

export function enrollmentsRepository(db: Db) {
  const byPerson = (tenantId: string, programId: string, personId: string) =>
    and(eq(enrollments.tenantId, tenantId), eq(enrollments.programId, programId), eq(enrollments.personId, personId));

  return {
    async find(tenantId: string, programId: string, personId: string): Promise<Enrollment | undefined> {
      const [row] = await db.select().from(enrollments).where(byPerson(tenantId, programId, personId));
      return row;
    },

    /**
     * Saves a registration only if the stored enrollment is still at
     * `expectedRevision` (0: none yet). One statement, so a double click or a
     * retried request that races another lands exactly once; the loser gets
     * undefined and writes nothing.
     */
    async saveIfRevision(draft: EnrollmentDraft, expectedRevision: number): Promise<Enrollment | undefined> {
      const [row] = await db
        .insert(enrollments)
        .values({ ...draft, status: 'active', revision: 1 })
        .onConflictDoUpdate({
          target: [enrollments.programId, enrollments.personId],
          set: {
            role: draft.role,
            answers: draft.answers,
            mentorCapacity: draft.mentorCapacity,
            status: 'active',
            withdrawnAt: null,
            revision: sql`${enrollments.revision} + 1`,
            updatedAt: sql`now()`,
          },
          setWhere: sql`${enrollments.revision} = ${expectedRevision} and ${enrollments.tenantId} = ${draft.tenantId}`,
        })
        .returning();
      return row;
    },

    /** Withdraws an enrollment; undefined when there was nothing active to withdraw. */
    async withdraw(tenantId: string, programId: string, personId: string): Promise<Enrollment | undefined> {
      const [row] = await db
        .update(enrollments)
        .set({
          status: 'withdrawn',
          withdrawnAt: sql`now()`,
          revision: sql`${enrollments.revision} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(byPerson(tenantId, programId, personId), sql`${enrollments.status} <> 'withdrawn'`))
        .returning();
      return row;
    },

    async listForProgram(tenantId: string, programId: string): Promise<Enrollment[]> {
      return db
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.tenantId, tenantId), eq(enrollments.programId, programId)));
    },
  
    async get(tenantId: string, id: string): Promise<Enrollment | undefined> {
      const [row] = await db
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.tenantId, tenantId), eq(enrollments.id, id)));
      return row;
    },

    /** The program's active enrollments, each with the person's name: the matching pool. */
    async listActiveWithPeople(tenantId: string, programId: string): Promise<EnrollmentWithPerson[]> {
      return db
        .select({
          ...getTableColumns(enrollments),
          name: people.name,
          aadObjectId: people.aadObjectId,
          email: people.email,
        })
        .from(enrollments)
        .innerJoin(people, and(eq(people.tenantId, enrollments.tenantId), eq(people.id, enrollments.personId)))
        .where(
          and(
            eq(enrollments.tenantId, tenantId),
            eq(enrollments.programId, programId),
            eq(enrollments.status, 'active'),
          ),
        )
        .orderBy(enrollments.createdAt, enrollments.id);
    },
  };
}


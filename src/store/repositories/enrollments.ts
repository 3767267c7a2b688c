import { and, asc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import { enrollments, pairFlags, people, ratings, sessions } from '../schema';
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

export type EnrollmentStatus = Enrollment['status'];

/** What happened in a participant's relationships, for the admin's profile view. */
export interface ParticipantActivity {
  sessions: { total: number; held: number; scheduled: number; proposed: number; cancelled: number; missed: number };
  /** Ratings given in those sessions, by anyone in the pair; comments are not read here. */
  ratings: { count: number; average: number | null };
  openFlags: { id: string; relationshipId: string; reason: string; raisedAt: Date }[];
}

export function enrollmentsRepository(db: Db) {
  const byPerson = (tenantId: string, programId: string, personId: string) =>
    and(eq(enrollments.tenantId, tenantId), eq(enrollments.programId, programId), eq(enrollments.personId, personId));
  /** Enrollments joined to their people, for the lists that show names. */
  const withPeople = () =>
    db
      .select({
        ...getTableColumns(enrollments),
        name: people.name,
        aadObjectId: people.aadObjectId,
        email: people.email,
      })
      .from(enrollments)
      .innerJoin(people, and(eq(people.tenantId, enrollments.tenantId), eq(people.id, enrollments.personId)));

  return {
    async find(tenantId: string, programId: string, personId: string): Promise<Enrollment | undefined> {
      const [row] = await db.select().from(enrollments).where(byPerson(tenantId, programId, personId));
      return row;
    },

    /** Every enrollment of one person, any program and status, oldest first. */
    async listForPerson(tenantId: string, personId: string): Promise<Enrollment[]> {
      return db
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.tenantId, tenantId), eq(enrollments.personId, personId)))
        .orderBy(asc(enrollments.createdAt), asc(enrollments.id));
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
      return withPeople()
        .where(
          and(
            eq(enrollments.tenantId, tenantId),
            eq(enrollments.programId, programId),
            eq(enrollments.status, 'active'),
          ),
        )
        .orderBy(enrollments.createdAt, enrollments.id);
    },

    /** Every enrollment of the program, any status, with the person's name: the admin's participant list. */
    async listAllWithPeople(tenantId: string, programId: string): Promise<EnrollmentWithPerson[]> {
      return withPeople()
        .where(and(eq(enrollments.tenantId, tenantId), eq(enrollments.programId, programId)))
        .orderBy(asc(people.name), asc(enrollments.id));
    },

    /**
     * Moves an enrollment from one of `from` to `to` in one statement, bumping
     * its revision so cards built before are stale; undefined when it was not
     * in one of `from` (a repeat changes nothing).
     */
    async setStatus(
      tenantId: string,
      programId: string,
      personId: string,
      from: EnrollmentStatus[],
      to: EnrollmentStatus,
    ): Promise<Enrollment | undefined> {
      const [row] = await db
        .update(enrollments)
        .set({
          status: to,
          withdrawnAt: to === 'withdrawn' ? sql`now()` : null,
          revision: sql`${enrollments.revision} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(byPerson(tenantId, programId, personId), inArray(enrollments.status, from)))
        .returning();
      return row;
    },

    /** Sessions, ratings and open flags of the given relationships (a participant's, in one program). */
    async participantActivity(tenantId: string, relationshipIds: string[]): Promise<ParticipantActivity> {
      const none: ParticipantActivity = {
        sessions: { total: 0, held: 0, scheduled: 0, proposed: 0, cancelled: 0, missed: 0 },
        ratings: { count: 0, average: null },
        openFlags: [],
      };
      if (relationshipIds.length === 0) return none;
      const [sessionCounts, ratingFigures, flags] = await Promise.all([
        db
          .select({ status: sessions.status, count: sql<number>`count(*)::int` })
          .from(sessions)
          .where(and(eq(sessions.tenantId, tenantId), inArray(sessions.relationshipId, relationshipIds)))
          .groupBy(sessions.status),
        db
          .select({ count: sql<number>`count(*)::int`, average: sql<number | null>`avg(${ratings.score})::float8` })
          .from(ratings)
          .innerJoin(sessions, and(eq(sessions.tenantId, ratings.tenantId), eq(sessions.id, ratings.sessionId)))
          .where(and(eq(ratings.tenantId, tenantId), inArray(sessions.relationshipId, relationshipIds))),
        db
          .select({ id: pairFlags.id, relationshipId: pairFlags.relationshipId, reason: pairFlags.reason, raisedAt: pairFlags.raisedAt })
          .from(pairFlags)
          .where(and(eq(pairFlags.tenantId, tenantId), inArray(pairFlags.relationshipId, relationshipIds), isNull(pairFlags.resolvedAt)))
          .orderBy(asc(pairFlags.raisedAt)),
      ]);
      const activity = none;
      for (const { status, count } of sessionCounts) {
        activity.sessions[status] = Number(count);
        activity.sessions.total += Number(count);
      }
      const figures = ratingFigures[0];
      activity.ratings = {
        count: Number(figures?.count ?? 0),
        average: figures?.average === null || figures?.average === undefined ? null : Math.round(Number(figures.average) * 100) / 100,
      };
      activity.openFlags = flags;
      return activity;
    },
  };
}

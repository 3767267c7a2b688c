import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { enrollments, matchProposals } from '../schema';
import type { Db } from '../database';
import type { MatchReasons } from '../../domain/matchRuns';

export type MatchProposal = typeof matchProposals.$inferSelect;
export type MatchProposalStatus = MatchProposal['status'];
export type ProposalSource = MatchProposal['source'];

export interface MatchProposalDraft {
  tenantId: string;
  programId: string;
  menteeEnrollmentId: string;
  mentorEnrollmentId: string;
  score: number;
  reasons: MatchReasons;
  status: 'draft' | 'proposed';
  source?: ProposalSource;
  runId?: string | null;
  requestedByPersonId?: string | null;
  /** Defaults to now when the proposal is created as 'proposed'. */
  proposedAt?: Date | null;
  expiresAt?: Date | null;
}

export interface ProposalResponse {
  declineReason?: string | null;
  /** Only an expiry passes this: the proposal must be due by then. */
  dueBy?: Date;
}

/** A proposal with the two people it is about. */
export interface ProposalWithPeople extends MatchProposal {
  menteePersonId: string;
  mentorPersonId: string;
}

export function matchProposalsRepository(db: Db) {
  const mentee = alias(enrollments, 'mentee');
  const mentor = alias(enrollments, 'mentor');
  const withPeople = () =>
    db
      .select({ proposal: matchProposals, menteePersonId: mentee.personId, mentorPersonId: mentor.personId })
      .from(matchProposals)
      .innerJoin(mentee, and(eq(mentee.tenantId, matchProposals.tenantId), eq(mentee.id, matchProposals.menteeEnrollmentId)))
      .innerJoin(mentor, and(eq(mentor.tenantId, matchProposals.tenantId), eq(mentor.id, matchProposals.mentorEnrollmentId)));
  const flatten = (row: { proposal: MatchProposal; menteePersonId: string; mentorPersonId: string }): ProposalWithPeople => ({
    ...row.proposal,
    menteePersonId: row.menteePersonId,
    mentorPersonId: row.mentorPersonId,
  });

  return {
    async create(draft: MatchProposalDraft): Promise<MatchProposal> {
      const [row] = await db
        .insert(matchProposals)
        .values({
          ...draft,
          proposedAt: draft.proposedAt ?? (draft.status === 'proposed' ? sql`now()` : null),
          expiresAt: draft.expiresAt ?? null,
        })
        .returning();
      return row!;
    },

    async get(tenantId: string, id: string): Promise<MatchProposal | undefined> {
      const [row] = await db
        .select()
        .from(matchProposals)
        .where(and(eq(matchProposals.tenantId, tenantId), eq(matchProposals.id, id)));
      return row;
    },

    async getWithPeople(tenantId: string, id: string): Promise<ProposalWithPeople | undefined> {
      const [row] = await withPeople().where(and(eq(matchProposals.tenantId, tenantId), eq(matchProposals.id, id)));
      return row && flatten(row);
    },

    async listForProgram(tenantId: string, programId: string, status: MatchProposalStatus): Promise<MatchProposal[]> {
      return db
        .select()
        .from(matchProposals)
        .where(
          and(
            eq(matchProposals.tenantId, tenantId),
            eq(matchProposals.programId, programId),
            eq(matchProposals.status, status),
          ),
        )
        .orderBy(asc(matchProposals.createdAt), asc(matchProposals.id));
    },

    /** Every proposal in a program with its two people: who was paired before, who is waiting. */
    async listWithPeopleForProgram(tenantId: string, programId: string): Promise<ProposalWithPeople[]> {
      const rows = await withPeople().where(
        and(eq(matchProposals.tenantId, tenantId), eq(matchProposals.programId, programId)),
      );
      return rows.map(flatten);
    },

    /** A person's open proposals, as mentee or as mentor, newest first. */
    async listOpenForPerson(tenantId: string, personId: string): Promise<ProposalWithPeople[]> {
      const rows = await withPeople()
        .where(
          and(
            eq(matchProposals.tenantId, tenantId),
            eq(matchProposals.status, 'proposed'),
            or(eq(mentee.personId, personId), eq(mentor.personId, personId)),
          ),
        )
        .orderBy(desc(matchProposals.proposedAt));
      return rows.map(flatten);
    },

    /**
     * Moves a proposal out of `from` in one statement, only if it is still
     * there: a repeated or racing card click gets undefined and writes nothing.
     */
    async respond(
      tenantId: string,
      id: string,
      from: 'proposed',
      to: 'accepted' | 'declined' | 'expired' | 'withdrawn',
      extras: ProposalResponse = {},
    ): Promise<MatchProposal | undefined> {
      const [row] = await db
        .update(matchProposals)
        .set({
          status: to,
          declineReason: to === 'declined' ? (extras.declineReason ?? null) : null,
          respondedAt: to === 'accepted' || to === 'declined' ? sql`now()` : null,
        })
        .where(
          and(
            eq(matchProposals.tenantId, tenantId),
            eq(matchProposals.id, id),
            eq(matchProposals.status, from),
            extras.dueBy ? lte(matchProposals.expiresAt, extras.dueBy) : undefined,
          ),
        )
        .returning();
      return row;
    },

    /** Closes the open proposals that involve these enrollments (a withdrawal, a match made elsewhere). */
    async withdrawOpenFor(tenantId: string, enrollmentIds: string[]): Promise<MatchProposal[]> {
      if (enrollmentIds.length === 0) return [];
      return db
        .update(matchProposals)
        .set({ status: 'withdrawn' })
        .where(
          and(
            eq(matchProposals.tenantId, tenantId),
            eq(matchProposals.status, 'proposed'),
            or(
              inArray(matchProposals.menteeEnrollmentId, enrollmentIds),
              inArray(matchProposals.mentorEnrollmentId, enrollmentIds),
            ),
          ),
        )
        .returning();
    },
  };
}

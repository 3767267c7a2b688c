import { and, asc, eq, sql } from 'drizzle-orm';
import { matchProposals } from '../schema';
import type { Db } from '../database';

export type MatchProposal = typeof matchProposals.$inferSelect;
export type MatchProposalStatus = MatchProposal['status'];

export interface MatchProposalDraft {
  tenantId: string;
  programId: string;
  menteeEnrollmentId: string;
  mentorEnrollmentId: string;
  score: number;
  reasons: string[];
  status: 'draft' | 'proposed';
  /** Defaults to now when the proposal is created as 'proposed'. */
  proposedAt?: Date | null;
  expiresAt?: Date | null;
}

export interface ProposalResponse {
  declineReason?: string | null;
}

export function matchProposalsRepository(db: Db) {
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

    /**
     * Moves a proposal out of `from` in one statement, only if it is still
     * there: a repeated or racing card click gets undefined and writes nothing.
     */
    async respond(
      tenantId: string,
      id: string,
      from: 'proposed',
      to: 'accepted' | 'declined' | 'expired',
      extras: ProposalResponse = {},
    ): Promise<MatchProposal | undefined> {
      const [row] = await db
        .update(matchProposals)
        .set({
          status: to,
          declineReason: to === 'declined' ? (extras.declineReason ?? null) : null,
          respondedAt: to === 'expired' ? null : sql`now()`,
        })
        .where(and(eq(matchProposals.tenantId, tenantId), eq(matchProposals.id, id), eq(matchProposals.status, from)))
        .returning();
      return row;
    },
  };
}

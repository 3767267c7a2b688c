import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { ratings } from '../schema';
import type { Db } from '../database';

export type Rating = typeof ratings.$inferSelect;

export interface RatingDraft {
  tenantId: string;
  sessionId: string;
  raterPersonId: string;
  score: number;
  tookPlace: boolean;
  mostUseful?: string | null;
  shareWithPartner?: boolean;
  goalProgress?: Record<string, number>;
}

export function ratingsRepository(db: Db) {
  return {
    /**
     * Records a person's rating of a session, replacing their earlier one: one
     * row per (session, rater). Undefined if that row belongs to another tenant.
     */
    async upsert(draft: RatingDraft): Promise<Rating | undefined> {
      const fields = {
        score: draft.score,
        tookPlace: draft.tookPlace,
        mostUseful: draft.mostUseful ?? null,
        shareWithPartner: draft.shareWithPartner ?? false,
        goalProgress: draft.goalProgress ?? {},
      };
      const [row] = await db
        .insert(ratings)
        .values({ tenantId: draft.tenantId, sessionId: draft.sessionId, raterPersonId: draft.raterPersonId, ...fields })
        .onConflictDoUpdate({
          target: [ratings.sessionId, ratings.raterPersonId],
          set: { ...fields, updatedAt: sql`now()` },
          setWhere: eq(ratings.tenantId, draft.tenantId),
        })
        .returning();
      return row;
    },

    /** The one rating a person gave a session, if they did. */
    async find(tenantId: string, sessionId: string, raterPersonId: string): Promise<Rating | undefined> {
      const [row] = await db
        .select()
        .from(ratings)
        .where(
          and(eq(ratings.tenantId, tenantId), eq(ratings.sessionId, sessionId), eq(ratings.raterPersonId, raterPersonId)),
        );
      return row;
    },

    async listForSession(tenantId: string, sessionId: string): Promise<Rating[]> {
      return db
        .select()
        .from(ratings)
        .where(and(eq(ratings.tenantId, tenantId), eq(ratings.sessionId, sessionId)))
        .orderBy(asc(ratings.createdAt), asc(ratings.id));
    },

    async listByRater(tenantId: string, raterPersonId: string): Promise<Rating[]> {
      return db
        .select()
        .from(ratings)
        .where(and(eq(ratings.tenantId, tenantId), eq(ratings.raterPersonId, raterPersonId)))
        .orderBy(desc(ratings.createdAt), desc(ratings.id));
    },
  };
}

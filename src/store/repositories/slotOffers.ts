import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { slotOffers } from '../schema';
import type { Db } from '../database';
import type { OfferedSlot } from '../../domain/sessions';

export type SlotOffer = typeof slotOffers.$inferSelect;
export type SlotOfferReason = SlotOffer['reason'];

export interface SlotOfferDraft {
  tenantId: string;
  relationshipId: string;
  reason: SlotOfferReason;
  slots: OfferedSlot[];
  rescheduleSessionId?: string | null;
}

/** The times offered to a pair, from the card until one is booked or newer times replace them. */
export function slotOffersRepository(db: Db) {
  const byId = (tenantId: string, id: string) => and(eq(slotOffers.tenantId, tenantId), eq(slotOffers.id, id));

  return {
    async create(draft: SlotOfferDraft): Promise<SlotOffer> {
      const [row] = await db
        .insert(slotOffers)
        .values({ ...draft, status: 'open' })
        .returning();
      return row!;
    },

    async get(tenantId: string, id: string): Promise<SlotOffer | undefined> {
      const [row] = await db.select().from(slotOffers).where(byId(tenantId, id));
      return row;
    },

    /**
     * Books the offer for a person: one conditional update (open -> booked),
     * so of two taps (a double tap, or both people at once) exactly one gets
     * the row back; the other gets undefined.
     */
    async claim(tenantId: string, id: string, personId: string, at: Date): Promise<SlotOffer | undefined> {
      const [row] = await db
        .update(slotOffers)
        .set({ status: 'booked', bookedByPersonId: personId, bookedAt: at })
        .where(and(byId(tenantId, id), eq(slotOffers.status, 'open')))
        .returning();
      return row;
    },

    /** Links a booked offer to the session it made or moved. */
    async attachSession(tenantId: string, id: string, sessionId: string): Promise<void> {
      await db.update(slotOffers).set({ sessionId }).where(byId(tenantId, id));
    },

    /** Gives a booked offer up again (the calendar refused the booking), so it can never count as booked. */
    async release(tenantId: string, id: string): Promise<void> {
      await db
        .update(slotOffers)
        .set({ status: 'superseded', sessionId: null })
        .where(and(byId(tenantId, id), eq(slotOffers.status, 'booked')));
    },

    /** Closes every open offer of the pair: newer times (or a booked session) replace them. */
    async supersedeOpen(tenantId: string, relationshipId: string): Promise<SlotOffer[]> {
      return db
        .update(slotOffers)
        .set({ status: 'superseded' })
        .where(
          and(eq(slotOffers.tenantId, tenantId), eq(slotOffers.relationshipId, relationshipId), eq(slotOffers.status, 'open')),
        )
        .returning();
    },

    /** The pair's offers, newest first. */
    async listForRelationship(tenantId: string, relationshipId: string): Promise<SlotOffer[]> {
      return db
        .select()
        .from(slotOffers)
        .where(and(eq(slotOffers.tenantId, tenantId), eq(slotOffers.relationshipId, relationshipId)))
        .orderBy(desc(slotOffers.createdAt), desc(slotOffers.id));
    },

    /** The pair's open offer, if any (the newest). */
    async currentOpen(tenantId: string, relationshipId: string): Promise<SlotOffer | undefined> {
      const [row] = await db
        .select()
        .from(slotOffers)
        .where(
          and(eq(slotOffers.tenantId, tenantId), eq(slotOffers.relationshipId, relationshipId), eq(slotOffers.status, 'open')),
        )
        .orderBy(desc(slotOffers.createdAt))
        .limit(1);
      return row;
    },

    /** Offers made for the pair after a moment and since closed without booking: cards a newer card replaced. */
    async supersededSince(tenantId: string, relationshipId: string, since: Date): Promise<SlotOffer[]> {
      return db
        .select()
        .from(slotOffers)
        .where(
          and(
            eq(slotOffers.tenantId, tenantId),
            eq(slotOffers.relationshipId, relationshipId),
            inArray(slotOffers.status, ['superseded']),
            gt(slotOffers.createdAt, since),
          ),
        )
        .orderBy(desc(slotOffers.createdAt));
    },
  };
}

/**
 * Slot cards: three times both people are free, and one tap books one for
 * both. Booking is one conditional update (open -> booked) on the offer, so a
 * double tap, a retried click or both people tapping at once books once. A
 * time that is no longer free when tapped brings fresh times instead.
 */
import type { Interval } from '../domain/sessions';
import type { Person } from '../store/repositories/people';
import type { Session } from '../store/repositories/sessions';
import type { SlotOffer, SlotOfferReason } from '../store/repositories/slotOffers';
import type { SessionBooking } from './sessionBooking';
import { slotAt, type SessionCalendar } from './sessionCalendar';
import {
  isMessage,
  otherSide,
  PAIR_NOT_ACTIVE,
  type PairLoader,
  type SchedulingDeps,
  type SchedulingOutcome,
  type SchedulingPair,
} from './schedulingPair';

const HOUR_MS = 3600_000;
/** Nobody wants a session booked for the next hour; offered times start a little later. */
export const BOOKING_LEAD_MS = 2 * HOUR_MS;

export const NO_COMMON_TIME =
  "Your calendars have no common free hour in the next two weeks, so please suggest a time yourselves.";
export const CALENDAR_TROUBLE = (problem: string) => `${problem} Please suggest a time yourselves; Tandem will keep track of it.`;
export const OFFER_GONE = 'These times are no longer on offer. Type "schedule" to find a new time.';
export const TAKEN = 'That time is no longer free for both of you, so here are fresh times.';

/** Fresh times for the pair, or why there are none (then people propose a time by hand). */
export type OfferResult = { kind: 'offer'; offer: SlotOffer } | { kind: 'manual'; note: string | null };

class SessionGone extends Error {}

export function createSlotOffers(deps: SchedulingDeps, pairs: PairLoader, calendar: SessionCalendar, booking: SessionBooking) {
  const { store, clock } = deps;

  /**
   * Searches both calendars from `from` and offers the best times, replacing
   * any open offer of the pair. Without a calendar the pair proposes by hand.
   */
  async function offer(
    pair: SchedulingPair,
    from: Date,
    reason: SlotOfferReason,
    reschedule?: Session,
  ): Promise<OfferResult> {
    if (!calendar.usable(pair)) return { kind: 'manual', note: null };
    const earliest = new Date(clock.now().getTime() + BOOKING_LEAD_MS);
    const start = from > earliest ? from : earliest;
    const found = await calendar.findSlots(pair, start, reschedule && { start: reschedule.startsAt, end: reschedule.endsAt });
    if (!found.ok) return { kind: 'manual', note: CALENDAR_TROUBLE(found.problem) };
    if (found.value.length === 0) return { kind: 'manual', note: NO_COMMON_TIME };
    const created = await store.transaction(async (tx) => {
      await tx.slotOffers.supersedeOpen(pair.tenantId, pair.relationship.id);
      return tx.slotOffers.create({
        tenantId: pair.tenantId,
        relationshipId: pair.relationship.id,
        reason,
        slots: found.value.map((s) => ({ startsAt: s.start.toISOString(), endsAt: s.end.toISOString() })),
        rescheduleSessionId: reschedule?.id ?? null,
      });
    });
    return { kind: 'offer', offer: created };
  }

  /** The offer and the earlier ones it replaced since the pair last booked: where each person's card may be. */
  async function cardChain(offer: SlotOffer): Promise<string[]> {
    const all = await store.slotOffers.listForRelationship(offer.tenantId, offer.relationshipId);
    const chain = [offer.id];
    for (const earlier of all.slice(all.findIndex((o) => o.id === offer.id) + 1)) {
      if (earlier.status !== 'superseded') break;
      chain.push(earlier.id);
    }
    return chain;
  }

  /** Where a tap on an offer that is no longer open leads. */
  async function settledOffer(pair: SchedulingPair, viewer: string, offer: SlotOffer): Promise<SchedulingOutcome> {
    if (offer.status === 'booked' && offer.sessionId) {
      const session = await store.sessions.get(pair.tenantId, offer.sessionId);
      if (session?.status === 'cancelled') return { kind: 'cancelled', pair, viewer, session };
      if (session) return { kind: 'booked', pair, viewer, session };
    }
    const current = await store.slotOffers.currentOpen(pair.tenantId, pair.relationship.id);
    if (current) return { kind: 'offer', pair, viewer, offer: current, note: 'These are the latest times on offer.' };
    return { kind: 'message', text: OFFER_GONE };
  }

  async function reoffer(pair: SchedulingPair, person: Person, old: SlotOffer, note: string): Promise<SchedulingOutcome> {
    const reschedule = old.rescheduleSessionId ? await store.sessions.get(pair.tenantId, old.rescheduleSessionId) : undefined;
    const fresh = await offer(pair, clock.now(), old.reason, reschedule);
    if (fresh.kind === 'manual') {
      await store.slotOffers.supersedeOpen(pair.tenantId, pair.relationship.id);
      return { kind: 'manual', pair, viewer: person.id, replacesSessionId: reschedule?.id, note: fresh.note ?? note };
    }
    const chain = await cardChain(fresh.offer);
    await deps.notifier.offerReplaced(pair, otherSide(pair, person.id).personId, fresh.offer, chain.slice(1), note);
    return { kind: 'offer', pair, viewer: person.id, offer: fresh.offer, note };
  }

  return {
    offer,

    /** One tap on a time: books it for both, or says why not. */
    async book(person: Person, offerId: string, startsAt: Date): Promise<SchedulingOutcome> {
      const offer = await store.slotOffers.get(person.tenantId, offerId);
      if (!offer) return { kind: 'message', text: OFFER_GONE };
      const pair = await pairs.forPerson(person, offer.relationshipId);
      if (isMessage(pair)) return pair;
      if (offer.status !== 'open') return settledOffer(pair, person.id, offer);
      if (pair.relationship.status !== 'active') return { kind: 'message', text: PAIR_NOT_ACTIVE };
      const picked = offer.slots.find((s) => new Date(s.startsAt).getTime() === startsAt.getTime());
      if (!picked) return { kind: 'message', text: 'This card is damaged. Type "schedule" to find a time.' };
      const slot = slotAt(pair, new Date(picked.startsAt));
      if (slot.start.getTime() <= clock.now().getTime()) return reoffer(pair, person, offer, 'That time has passed, so here are fresh times.');

      const moving = offer.rescheduleSessionId ? await store.sessions.get(pair.tenantId, offer.rescheduleSessionId) : undefined;
      if (offer.rescheduleSessionId && moving?.status !== 'scheduled') {
        await store.slotOffers.supersedeOpen(pair.tenantId, pair.relationship.id);
        return { kind: 'message', text: 'That session has been cancelled in the meantime, so there is nothing to move.' };
      }
      const movingFrom: Interval | undefined = moving && { start: moving.startsAt, end: moving.endsAt };
      const free = await calendar.stillFree(pair, slot, movingFrom);
      if (!free.ok) {
        await store.slotOffers.supersedeOpen(pair.tenantId, pair.relationship.id);
        return { kind: 'manual', pair, viewer: person.id, replacesSessionId: moving?.id, note: CALENDAR_TROUBLE(free.problem) };
      }
      if (!free.value) return reoffer(pair, person, offer, TAKEN);

      let booked: { offer: SlotOffer; session: Session } | undefined;
      try {
        booked = await store.transaction(async (tx) => {
          const claimed = await tx.slotOffers.claim(pair.tenantId, offer.id, person.id, clock.now());
          if (!claimed) return undefined;
          const session = moving
            ? await tx.sessions.move(pair.tenantId, moving.id, slot.start, slot.end)
            : await tx.sessions.create({
                tenantId: pair.tenantId,
                relationshipId: pair.relationship.id,
                startsAt: slot.start,
                endsAt: slot.end,
                status: 'scheduled',
                organizerPersonId: pair.mentor.personId,
              });
          if (!session) throw new SessionGone();
          await tx.slotOffers.attachSession(pair.tenantId, offer.id, session.id);
          await tx.auditLog.record({
            tenantId: pair.tenantId,
            actorPersonId: person.id,
            action: moving ? 'session.move' : 'session.book',
            targetType: 'session',
            targetId: session.id,
            details: { relationshipId: pair.relationship.id, offerId: offer.id },
          });
          return { offer: claimed, session };
        });
      } catch (error) {
        if (error instanceof SessionGone) return { kind: 'message', text: 'That session has been cancelled in the meantime.' };
        throw error;
      }
      // The other tap won: show what it booked.
      if (!booked) return settledOffer(pair, person.id, (await store.slotOffers.get(pair.tenantId, offer.id))!);

      const synced = await booking.syncMeeting(pair, booked.session);
      if (synced.problem) {
        // Without the meeting the booking would only exist in Tandem: undo it and let them propose a time.
        await store.transaction(async (tx) => {
          await tx.slotOffers.release(pair.tenantId, offer.id);
          if (moving) await tx.sessions.move(pair.tenantId, moving.id, moving.startsAt, moving.endsAt);
          else await tx.sessions.remove(pair.tenantId, booked.session.id);
        });
        return { kind: 'manual', pair, viewer: person.id, replacesSessionId: moving?.id, note: CALENDAR_TROUBLE(synced.problem) };
      }
      await booking.settle(pair, synced.session, person.id, await cardChain(booked.offer), movingFrom);
      return {
        kind: 'booked',
        pair,
        viewer: person.id,
        session: synced.session,
        note: moving ? 'Moved. The invitation in both your calendars has the new time.' : undefined,
      };
    },
  };
}

export type SlotOffers = ReturnType<typeof createSlotOffers>;

/**
 * Scheduling by hand, when there is no calendar to ask (no Graph, or someone
 * without an Entra id, as in the Playground) or it failed: one person
 * proposes a date and time in their own zone, the other confirms it.
 */
import { parseDate, parseTime, zonedToUtc } from '../domain/localTime';
import type { Person } from '../store/repositories/people';
import type { Session } from '../store/repositories/sessions';
import type { SessionBooking } from './sessionBooking';
import { slotAt } from './sessionCalendar';
import {
  isMessage,
  otherSide,
  PAIR_NOT_ACTIVE,
  sideOf,
  type PairLoader,
  type SchedulingDeps,
  type SchedulingOutcome,
  type SchedulingPair,
} from './schedulingPair';

const DAY_MS = 86_400_000;
/** Further ahead than this is surely a typo in the year. */
const MAX_AHEAD_DAYS = 365;

export interface ProposedTime {
  relationshipId: string;
  date: string;
  time: string;
  replacesSessionId?: string;
}

export const UNKNOWN_SESSION = 'This session is no longer in Tandem. Type "schedule" to see your sessions.';

export function createManualScheduling(deps: SchedulingDeps, pairs: PairLoader, booking: SessionBooking) {
  const { store, clock } = deps;

  /** The session a card names, only for the pair's two people. */
  async function ownSession(person: Person, sessionId: string): Promise<{ pair: SchedulingPair; session: Session } | { kind: 'message'; text: string }> {
    const session = await store.sessions.get(person.tenantId, sessionId);
    if (!session) return { kind: 'message', text: UNKNOWN_SESSION };
    const pair = await pairs.forPerson(person, session.relationshipId);
    if (isMessage(pair)) return pair;
    return { pair, session };
  }

  /** The session to be replaced, when it still belongs to this pair and lies ahead. */
  async function replaceable(pair: SchedulingPair, sessionId: string | undefined): Promise<Session | undefined> {
    if (!sessionId) return undefined;
    const session = await store.sessions.get(pair.tenantId, sessionId);
    if (!session || session.relationshipId !== pair.relationship.id) return undefined;
    return session.status === 'scheduled' || session.status === 'proposed' ? session : undefined;
  }

  /** Why a date and time cannot be proposed, in the proposer's zone; undefined when it can. */
  function problemWith(date: string, time: string, timeZone: string): { error: string } | { startsAt: Date } {
    if (parseDate(date) === undefined) return { error: 'Please pick a date.' };
    if (parseTime(time) === undefined || !/^\d{2}:\d{2}$/.test(time)) return { error: 'Please pick a time.' };
    const startsAt = zonedToUtc(date, time, timeZone);
    if (!startsAt) {
      return { error: `${time} doesn't exist on ${date} in ${timeZone}: the clocks change that night. Please pick another time.` };
    }
    const now = clock.now().getTime();
    if (startsAt.getTime() <= now) return { error: 'That time has already passed. Please pick a time in the future.' };
    if (startsAt.getTime() > now + MAX_AHEAD_DAYS * DAY_MS) return { error: 'Please pick a time within the next year.' };
    return { startsAt };
  }

  return {
    ownSession,

    /** The card to propose a time. */
    async form(person: Person, relationshipId: string, replacesSessionId?: string, note?: string): Promise<SchedulingOutcome> {
      const pair = await pairs.forPerson(person, relationshipId);
      if (isMessage(pair)) return pair;
      if (pair.relationship.status !== 'active') return { kind: 'message', text: PAIR_NOT_ACTIVE };
      const replaces = await replaceable(pair, replacesSessionId);
      return { kind: 'manual', pair, viewer: person.id, replacesSessionId: replaces?.id, note };
    },

    /** Proposes a time; a bad, past or nonexistent one comes back on the card and nothing is written. */
    async propose(person: Person, proposal: ProposedTime): Promise<SchedulingOutcome> {
      const pair = await pairs.forPerson(person, proposal.relationshipId);
      if (isMessage(pair)) return pair;
      if (pair.relationship.status !== 'active') return { kind: 'message', text: PAIR_NOT_ACTIVE };
      const replaces = await replaceable(pair, proposal.replacesSessionId);
      const me = sideOf(pair, person.id);
      const checked = problemWith(proposal.date, proposal.time, me.timeZone);
      if ('error' in checked) {
        return {
          kind: 'manual',
          pair,
          viewer: person.id,
          replacesSessionId: replaces?.id,
          error: checked.error,
          values: { date: proposal.date, time: proposal.time },
        };
      }
      const slot = slotAt(pair, checked.startsAt);
      const session = await store.transaction(async (tx) => {
        const created = await tx.sessions.create({
          tenantId: pair.tenantId,
          relationshipId: pair.relationship.id,
          startsAt: slot.start,
          endsAt: slot.end,
          status: 'proposed',
          organizerPersonId: pair.mentor.personId,
          proposedByPersonId: person.id,
        });
        await tx.auditLog.record({
          tenantId: pair.tenantId,
          actorPersonId: person.id,
          action: 'session.propose',
          targetType: 'session',
          targetId: created.id,
          details: { relationshipId: pair.relationship.id, replacesSessionId: replaces?.id ?? null },
        });
        return created;
      });
      if (me.role === 'mentor') await store.sessions.recordMentorFirstContact(pair.tenantId, pair.relationship.id, clock.now());
      await deps.notifier.timeProposed(pair, otherSide(pair, person.id).personId, session, replaces?.id ?? null);
      return { kind: 'proposed', pair, viewer: person.id, session };
    },

    /** The other person agrees to the proposed time; a repeat click shows the booked session. */
    async confirm(person: Person, sessionId: string, replacesSessionId?: string): Promise<SchedulingOutcome> {
      const own = await ownSession(person, sessionId);
      if ('kind' in own) return own;
      const { pair, session } = own;
      if (session.status === 'scheduled' || session.status === 'held') {
        return { kind: 'booked', pair, viewer: person.id, session, note: 'This time is already confirmed.' };
      }
      if (session.status !== 'proposed') return { kind: 'cancelled', pair, viewer: person.id, session };
      if (session.proposedByPersonId === person.id) {
        return { kind: 'proposed', pair, viewer: person.id, session, note: `Waiting for ${otherSide(pair, person.id).name} to confirm.` };
      }
      if (pair.relationship.status !== 'active') return { kind: 'message', text: PAIR_NOT_ACTIVE };
      if (session.startsAt.getTime() <= clock.now().getTime()) {
        return { kind: 'manual', pair, viewer: person.id, note: 'That time has passed. Please suggest a new one.' };
      }
      const replaces = await replaceable(pair, replacesSessionId);
      const confirmed = await store.transaction(async (tx) => {
        const row = await tx.sessions.confirmProposed(pair.tenantId, session.id, person.id);
        if (!row) return undefined;
        await tx.auditLog.record({
          tenantId: pair.tenantId,
          actorPersonId: person.id,
          action: 'session.confirm',
          targetType: 'session',
          targetId: row.id,
          details: { relationshipId: pair.relationship.id, replacesSessionId: replaces?.id ?? null },
        });
        return row;
      });
      if (!confirmed) {
        const now = (await store.sessions.get(pair.tenantId, session.id))!;
        return now.status === 'scheduled'
          ? { kind: 'booked', pair, viewer: person.id, session: now }
          : { kind: 'cancelled', pair, viewer: person.id, session: now };
      }

      let scheduled = confirmed;
      if (replaces) {
        // The replaced session's meeting, if any, moves to the new time rather than a second invitation arriving.
        await store.sessions.cancel(pair.tenantId, replaces.id, clock.now());
        if (replaces.calendarEventId) {
          scheduled =
            (await store.sessions.setCalendarEvent(pair.tenantId, confirmed.id, {
              calendarEventId: replaces.calendarEventId,
              joinUrl: replaces.joinUrl,
              organizerPersonId: pair.mentor.personId,
            })) ?? confirmed;
        }
      }
      const synced = await booking.syncMeeting(pair, scheduled);
      await booking.settle(
        pair,
        synced.session,
        person.id,
        [],
        replaces ? { start: replaces.startsAt, end: replaces.endsAt } : undefined,
      );
      return {
        kind: 'booked',
        pair,
        viewer: person.id,
        session: synced.session,
        note: synced.problem
          ? `${synced.problem} The time is booked in Tandem; please send each other an invitation.`
          : undefined,
      };
    },
  };
}

export type ManualScheduling = ReturnType<typeof createManualScheduling>;

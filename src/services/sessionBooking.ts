/**
 * What happens once a pair has a time: the Teams meeting (when there is a
 * calendar), the mentor's first step, the follow-up jobs, and telling the
 * other person. Shared by one-tap booking, manual confirmation and moves.
 */
import type { Interval } from '../domain/sessions';
import type { Session } from '../store/repositories/sessions';
import { defaultAgenda, type SessionCalendar } from './sessionCalendar';
import { otherSide, sideOf, type SchedulingDeps, type SchedulingPair } from './schedulingPair';

/** Attendance is read back a little after the end, once late joiners have left. */
const ATTENDANCE_DELAY_MS = 15 * 60_000;

export function createSessionBooking(deps: SchedulingDeps, calendar: SessionCalendar) {
  const { store, clock } = deps;

  async function agendaFor(pair: SchedulingPair, session: Session): Promise<string[]> {
    const items = await store.sessions.listAgenda(pair.tenantId, session.id);
    if (items.length > 0) return items.map((item) => item.text);
    const earlier = (await store.sessions.listForRelationship(pair.tenantId, pair.relationship.id)).filter(
      (s) => s.id !== session.id && s.status !== 'cancelled' && s.status !== 'proposed',
    );
    return defaultAgenda(earlier.length === 0);
  }

  return {
    /**
     * Puts the session in both calendars: a new Teams meeting, or the
     * existing one moved. Undefined on success; the calendar's problem otherwise.
     */
    async syncMeeting(pair: SchedulingPair, session: Session): Promise<{ session: Session; problem?: string }> {
      if (!calendar.usable(pair)) return { session };
      if (session.calendarEventId) {
        const moved = await calendar.moveMeeting(pair, session.calendarEventId, { start: session.startsAt, end: session.endsAt });
        return moved.ok ? { session } : { session, problem: moved.problem };
      }
      const created = await calendar.createMeeting(pair, session, await agendaFor(pair, session));
      if (!created.ok) return { session, problem: created.problem };
      const updated = await store.sessions.setCalendarEvent(pair.tenantId, session.id, {
        calendarEventId: created.value.eventId,
        joinUrl: created.value.joinUrl,
        organizerPersonId: pair.mentor.personId,
      });
      return { session: updated ?? session };
    },

    /**
     * After a booking, a confirmation or a move: the mentor's first step is
     * noted, the next offer and the attendance check are put off until the
     * session ends, reminders follow it, and the other person is told.
     */
    async settle(
      pair: SchedulingPair,
      session: Session,
      byPersonId: string,
      offerIds: string[],
      movedFrom?: Interval,
    ): Promise<void> {
      const by = sideOf(pair, byPersonId);
      if (by.role === 'mentor') await store.sessions.recordMentorFirstContact(pair.tenantId, pair.relationship.id, clock.now());
      await deps.scheduler.schedule(
        'next-session-offer',
        { tenantId: pair.tenantId, relationshipId: pair.relationship.id, afterSessionId: session.id },
        session.endsAt,
      );
      if (session.calendarEventId) {
        await deps.scheduler.schedule(
          'attendance-check',
          { tenantId: pair.tenantId, sessionId: session.id },
          new Date(session.endsAt.getTime() + ATTENDANCE_DELAY_MS),
        );
      }
      await deps.followUps.sessionBooked(session);
      await deps.notifier.sessionBooked(pair, otherSide(pair, byPersonId).personId, session, offerIds, by, movedFrom);
    },
  };
}

export type SessionBooking = ReturnType<typeof createSessionBooking>;

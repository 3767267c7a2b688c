/**
 * Scheduling mentoring sessions, the use cases the bot and the jobs call:
 * slot cards after a match and after each session, one-tap booking, manual
 * proposals, the "schedule" overview, rescheduling and cancelling, and
 * reading attendance back from the calendar.
 */
import type { Person } from '../store/repositories/people';
import type { Session } from '../store/repositories/sessions';
import type { JobPayloads } from './ports';
import { createManualScheduling } from './manualScheduling';
import { createSessionBooking } from './sessionBooking';
import { calendarPeople, createPairLoader, isMessage, otherSide, sideOf, type ScheduleOverview, type SchedulingDeps, type SchedulingOutcome, type SchedulingPair } from './schedulingPair';
import { calendarProblem, createSessionCalendar } from './sessionCalendar';
import { createSlotOffers } from './slotOffers';
import { CalendarError } from './ports';

export type { SchedulingOutcome, ScheduleOverview, SchedulingPair, SchedulingNotifier, PairSide } from './schedulingPair';
export type { ProposedTime } from './manualScheduling';

const DAY_MS = 86_400_000;
/** The cadence's next offer searches from a little before the due date, so the pair can meet on time. */
const CADENCE_EARLY_DAYS = 2;
const ALREADY_TAKEN_PLACE = 'This session has already taken place.';

export function createSchedulingService(deps: SchedulingDeps) {
  const { store, clock } = deps;
  const pairs = createPairLoader(store);
  const calendar = createSessionCalendar(deps.calendar);
  const booking = createSessionBooking(deps, calendar);
  const slots = createSlotOffers(deps, pairs, calendar, booking);
  const manual = createManualScheduling(deps, pairs, booking);

  /** Fresh times for a pair (or the manual card) as the clicker's card. */
  async function timesFor(pair: SchedulingPair, viewer: string, reason: 'request' | 'reschedule', reschedule?: Session): Promise<SchedulingOutcome> {
    const found = await slots.offer(pair, clock.now(), reason, reschedule);
    if (found.kind === 'offer') {
      const note = reschedule ? 'Pick a new time; the invitation moves for both of you.' : undefined;
      return { kind: 'offer', pair, viewer, offer: found.offer, note };
    }
    return { kind: 'manual', pair, viewer, replacesSessionId: reschedule?.id, note: found.note ?? undefined };
  }

  /**
   * A job that finds its session not yet over (early by our clock, as the job
   * queue goes by the database's, or the session moved later) runs again at
   * the end. A moved session also has its own job; the handlers are
   * idempotent, so the second run finds the work done.
   */
  async function retryAtEnd<Q extends 'next-session-offer' | 'attendance-check'>(
    queue: Q,
    job: JobPayloads[Q],
    session: Session,
  ): Promise<'rescheduled'> {
    await deps.scheduler.schedule(queue, job, session.endsAt);
    return 'rescheduled';
  }

  /** The clicker's session while it can still be moved or cancelled; otherwise the outcome that says why not. */
  async function changeableSession(person: Person, sessionId: string): Promise<{ pair: SchedulingPair; session: Session } | SchedulingOutcome> {
    const own = await manual.ownSession(person, sessionId);
    if ('kind' in own) return own;
    const { pair, session } = own;
    if (session.status === 'cancelled') return { kind: 'cancelled', pair, viewer: person.id, session };
    if (session.status !== 'scheduled' && session.status !== 'proposed') {
      return { kind: 'message', text: ALREADY_TAKEN_PLACE };
    }
    return own;
  }

  /** Sends both people times to choose from, or the card to propose one. */
  async function offerToBoth(pair: SchedulingPair, from: Date, reason: 'match' | 'cadence', occasion: string): Promise<void> {
    const found = await slots.offer(pair, from, reason);
    if (found.kind === 'offer') await deps.notifier.slotsOffered(pair, found.offer);
    else await deps.notifier.manualOffered(pair, found.note, occasion);
  }

  return {
    book: slots.book,
    manualForm: manual.form,
    propose: manual.propose,
    confirm: manual.confirm,

    /** After a match is accepted: the first slot card to both. A failure here must not undo the match. */
    async offerAfterMatch(tenantId: string, relationshipId: string): Promise<void> {
      try {
        const pair = await pairs.load(tenantId, relationshipId);
        if (pair?.relationship.status === 'active') await offerToBoth(pair, clock.now(), 'match', 'match');
      } catch (error) {
        deps.logger?.warn({ err: error, relationshipId }, 'could not offer session times after a match');
      }
    },

    /** "Find a time" (the schedule list, a nudge): fresh times for the clicker. */
    async findTime(person: Person, relationshipId: string): Promise<SchedulingOutcome> {
      const pair = await pairs.forPerson(person, relationshipId);
      if (isMessage(pair)) return pair;
      if (pair.relationship.status !== 'active') return { kind: 'message', text: 'This mentorship is not active any more.' };
      return timesFor(pair, person.id, 'request');
    },

    /** "Reschedule": new times for the session (or the manual card), moving it when one is picked. */
    async reschedule(person: Person, sessionId: string): Promise<SchedulingOutcome> {
      const own = await changeableSession(person, sessionId);
      if ('kind' in own) return own;
      const { pair, session } = own;
      if (session.startsAt.getTime() <= clock.now().getTime()) {
        return { kind: 'message', text: 'This session has already started, so it cannot be moved.' };
      }
      if (session.status === 'proposed') {
        return { kind: 'manual', pair, viewer: person.id, replacesSessionId: session.id, note: 'Suggest a different time.' };
      }
      return timesFor(pair, person.id, 'reschedule', session);
    },

    /** "Cancel": asks first. */
    async requestCancel(person: Person, sessionId: string): Promise<SchedulingOutcome> {
      const own = await changeableSession(person, sessionId);
      if ('kind' in own) return own;
      return { kind: 'cancel-confirm', pair: own.pair, viewer: person.id, session: own.session };
    },

    /** "Keep it": the session as it stands. */
    async keep(person: Person, sessionId: string): Promise<SchedulingOutcome> {
      const own = await manual.ownSession(person, sessionId);
      if ('kind' in own) return own;
      const { pair, session } = own;
      if (session.status === 'cancelled') return { kind: 'cancelled', pair, viewer: person.id, session };
      if (session.status === 'proposed') return { kind: 'proposed', pair, viewer: person.id, session };
      return { kind: 'booked', pair, viewer: person.id, session, note: 'Nothing has changed.' };
    },

    /** Cancels for both: the meeting is cancelled in the calendars, and the other person is told. Repeats change nothing. */
    async cancel(person: Person, sessionId: string): Promise<SchedulingOutcome> {
      const own = await manual.ownSession(person, sessionId);
      if ('kind' in own) return own;
      const { pair } = own;
      const cancelled = await store.transaction(async (tx) => {
        const row = await tx.sessions.cancel(pair.tenantId, sessionId, clock.now());
        if (row) {
          await tx.auditLog.record({
            tenantId: pair.tenantId,
            actorPersonId: person.id,
            action: 'session.cancel',
            targetType: 'session',
            targetId: row.id,
            details: { relationshipId: pair.relationship.id },
          });
        }
        return row;
      });
      if (!cancelled) {
        const session = (await store.sessions.get(pair.tenantId, sessionId))!;
        if (session.status === 'cancelled') return { kind: 'cancelled', pair, viewer: person.id, session };
        return { kind: 'message', text: ALREADY_TAKEN_PLACE };
      }
      let note: string | undefined;
      if (cancelled.calendarEventId && calendar.usable(pair)) {
        const result = await calendar.cancelMeeting(pair, cancelled.calendarEventId, `${person.name} cancelled this mentoring session in Tandem.`);
        if (!result.ok) note = `${result.problem} Please remove the invitation from your calendar yourself.`;
      }
      await deps.notifier.sessionCancelled(pair, otherSide(pair, person.id).personId, cancelled, sideOf(pair, person.id));
      return { kind: 'cancelled', pair, viewer: person.id, session: cancelled, note };
    },

    /** "schedule": each active pair with its upcoming sessions, soonest first. */
    async overview(person: Person): Promise<ScheduleOverview> {
      const relationships = (await store.relationships.listForPerson(person.tenantId, person.id)).filter((r) => r.status === 'active');
      const loaded = (await Promise.all(relationships.map((r) => pairs.load(person.tenantId, r.id)))).filter(
        (p): p is SchedulingPair => p !== undefined,
      );
      const upcoming = await store.sessions.listUpcoming(person.tenantId, loaded.map((p) => p.relationship.id), clock.now());
      const timeZone = loaded[0] ? sideOf(loaded[0], person.id).timeZone : person.timeZone ?? 'UTC';
      return {
        viewer: person.id,
        timeZone,
        pairs: loaded.map((pair) => ({ pair, sessions: upcoming.filter((s) => s.relationshipId === pair.relationship.id) })),
      };
    },

    /**
     * The 'next-session-offer' job, when a session ends: times from about the
     * cadence's due date, unless the pair already has a session ahead, the
     * session was cancelled, or this job ran before (its times are on offer).
     */
    async offerNextSession(job: JobPayloads['next-session-offer']): Promise<'offered' | 'skipped' | 'rescheduled'> {
      const session = await store.sessions.get(job.tenantId, job.afterSessionId);
      const now = clock.now();
      if (!session || session.status === 'cancelled' || session.status === 'proposed') return 'skipped';
      if (session.endsAt.getTime() > now.getTime()) return retryAtEnd('next-session-offer', job, session);
      const pair = await pairs.load(job.tenantId, job.relationshipId);
      if (!pair || pair.relationship.status !== 'active' || session.relationshipId !== pair.relationship.id) return 'skipped';
      const ahead = await store.sessions.listUpcoming(job.tenantId, [pair.relationship.id], now);
      if (ahead.length > 0) return 'skipped';
      // A retried job finds the times it offered already there.
      const open = await store.slotOffers.currentOpen(job.tenantId, pair.relationship.id);
      if (open && open.reason === 'cadence' && open.createdAt >= session.endsAt) return 'skipped';
      const due = new Date(session.startsAt.getTime() + (pair.program.cadenceDays - CADENCE_EARLY_DAYS) * DAY_MS);
      await offerToBoth(pair, due > now ? due : now, 'cadence', `after:${session.id}`);
      return 'offered';
    },

    /**
     * The 'attendance-check' job: attendees' responses and a cancellation are
     * read back from the meeting. A refusal leaves the session as it was; a
     * passing failure is thrown so the job queue tries again.
     */
    async checkAttendance(job: JobPayloads['attendance-check']): Promise<'checked' | 'skipped' | 'rescheduled'> {
      const session = await store.sessions.get(job.tenantId, job.sessionId);
      if (!session?.calendarEventId || !deps.calendar || session.status === 'cancelled') return 'skipped';
      if (session.endsAt.getTime() > clock.now().getTime()) return retryAtEnd('attendance-check', job, session);
      const pair = await pairs.load(job.tenantId, session.relationshipId);
      const people = pair && calendarPeople(pair);
      if (!pair || !people) return 'skipped';
      try {
        const attendance = await deps.calendar.attendance(pair.tenantId, people[0], session.calendarEventId, people);
        await store.sessions.recordAttendance(pair.tenantId, session.id, attendance.responses, clock.now(), attendance.cancelled);
        return 'checked';
      } catch (error) {
        if (!(error instanceof CalendarError)) throw error;
        if (error.kind === 'throttled' || error.kind === 'unavailable') throw error;
        // The organiser deleted the event: the session did not happen as booked.
        if (error.kind === 'not-found') {
          await store.sessions.recordAttendance(pair.tenantId, session.id, {}, clock.now(), true);
          return 'checked';
        }
        deps.logger?.warn({ sessionId: session.id, problem: calendarProblem(error) }, 'attendance could not be read');
        return 'skipped';
      }
    },
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;

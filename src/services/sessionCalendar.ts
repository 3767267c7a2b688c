/**
 * The calendar side of scheduling: finding times both people are free, and
 * keeping the Teams meeting in step with the session. Each call either
 * succeeds or says, in words for the chat, why the calendar could not help.
 */
import { defaultWorkingHours, SLOT_SEARCH_WORKING_DAYS, SLOTS_OFFERED, type Interval } from '../domain/sessions';
import { findSlots, searchWindow } from '../domain/slots';
import type { Session } from '../store/repositories/sessions';
import { CalendarError, type BookedMeeting, type Calendar } from './ports';
import { calendarPeople, type SchedulingPair } from './schedulingPair';

const MINUTE_MS = 60_000;

export type CalendarResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A calendar failure as one sentence a person can act on. */
export function calendarProblem(error: CalendarError): string {
  switch (error.kind) {
    case 'forbidden':
      return "Tandem isn't allowed to read or write your Outlook calendars (your IT admin can grant the permission).";
    case 'not-found':
      return "Outlook couldn't find one of your calendars or the meeting.";
    case 'throttled':
      return 'Outlook is busy right now and asked us to wait.';
    case 'unavailable':
      return "Outlook couldn't be reached just now.";
    case 'invalid':
      return 'Outlook refused the request.';
  }
}

async function attempt<T>(work: () => Promise<T>): Promise<CalendarResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof CalendarError) return { ok: false, problem: calendarProblem(error) };
    throw error;
  }
}

const minutes = (pair: SchedulingPair) => pair.program.sessionMinutes * MINUTE_MS;

export function createSessionCalendar(calendar: Calendar | undefined) {
  return {
    /** True when meetings can be booked for the pair: Graph is on and both people have an Entra id. */
    usable(pair: SchedulingPair): boolean {
      return Boolean(calendar && calendarPeople(pair));
    },

    /** Up to three times both are free within working hours, over the next 10 working days from `from`. */
    async findSlots(pair: SchedulingPair, from: Date, ignore?: Interval): Promise<CalendarResult<Interval[]>> {
      const people = calendarPeople(pair);
      if (!calendar || !people) return { ok: false, problem: 'Your calendars are not connected to Tandem.' };
      const fallbackHours = [defaultWorkingHours(pair.mentor.timeZone), defaultWorkingHours(pair.mentee.timeZone)];
      const window = searchWindow({
        from,
        workingDays: SLOT_SEARCH_WORKING_DAYS,
        people: fallbackHours.map((workingHours) => ({ busy: [], workingHours })),
      });
      const found = await attempt(() => calendar.availability(pair.tenantId, people, window));
      if (!found.ok) return found;
      const search = people.map((person, i) => {
        const availability = found.value.get(person.personId);
        return {
          busy: (availability?.busy ?? []).filter((b) => !ignore || !within(b, ignore)),
          workingHours: availability?.workingHours ?? fallbackHours[i]!,
        };
      });
      return {
        ok: true,
        value: findSlots({ people: search, from, workingDays: SLOT_SEARCH_WORKING_DAYS, minutes: pair.program.sessionMinutes, count: SLOTS_OFFERED }),
      };
    },

    /** Whether both are still free for the slot (someone may have booked it meanwhile). */
    async stillFree(pair: SchedulingPair, slot: Interval, ignore?: Interval): Promise<CalendarResult<boolean>> {
      const people = calendarPeople(pair);
      if (!calendar || !people) return { ok: true, value: true };
      const found = await attempt(() => calendar.availability(pair.tenantId, people, slot));
      if (!found.ok) return found;
      const busy = [...found.value.values()].flatMap((a) => a.busy).filter((b) => !ignore || !within(b, ignore));
      return { ok: true, value: !busy.some((b) => b.start < slot.end && slot.start < b.end) };
    },

    /** The Teams meeting in the mentor's calendar, both invited, the agenda in the body. */
    async createMeeting(pair: SchedulingPair, session: Session, agenda: string[]): Promise<CalendarResult<BookedMeeting>> {
      const people = calendarPeople(pair);
      if (!calendar || !people) return { ok: false, problem: 'Your calendars are not connected to Tandem.' };
      const [mentor] = people;
      return attempt(() =>
        calendar.createMeeting(pair.tenantId, mentor, {
          subject: `Mentoring: ${pair.mentor.name} and ${pair.mentee.name}`,
          bodyHtml: agendaHtml(pair, agenda),
          start: session.startsAt,
          end: session.endsAt,
          attendees: people,
        }),
      );
    },

    async moveMeeting(pair: SchedulingPair, eventId: string, when: Interval): Promise<CalendarResult<void>> {
      const people = calendarPeople(pair);
      if (!calendar || !people) return { ok: false, problem: 'Your calendars are not connected to Tandem.' };
      return attempt(() => calendar.moveMeeting(pair.tenantId, people[0], eventId, when));
    },

    async cancelMeeting(pair: SchedulingPair, eventId: string, comment: string): Promise<CalendarResult<void>> {
      const people = calendarPeople(pair);
      if (!calendar || !people) return { ok: false, problem: 'Your calendars are not connected to Tandem.' };
      return attempt(() => calendar.cancelMeeting(pair.tenantId, people[0], eventId, comment));
    },
  };
}

export type SessionCalendar = ReturnType<typeof createSessionCalendar>;

/** The slot a session of the program's length starting at `start` takes. */
export function slotAt(pair: SchedulingPair, start: Date): Interval {
  return { start, end: new Date(start.getTime() + minutes(pair)) };
}

function within(inner: Interval, outer: Interval): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The invitation's body: the agenda so far, and where to add to it. */
export function agendaHtml(pair: SchedulingPair, agenda: string[]): string {
  const items = agenda.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
  return (
    `<p>A mentoring session of ${escapeHtml(pair.program.name)}, booked with Tandem.</p>` +
    `<p><b>Agenda</b></p><ul>${items}</ul>` +
    '<p>Add to the agenda together in the "My mentoring" tab in Teams.</p>'
  );
}

/** What a session's invitation lists when the pair has not written an agenda yet: the first one has its own. */
export function defaultAgenda(isFirstSession: boolean): string[] {
  return isFirstSession
    ? [
        'Introductions: your role and the path that brought you here',
        'What each of us hopes to get from the mentorship',
        'Our mentoring agreement: how often we meet, confidentiality, how to end kindly',
        'Before next time: one thing each of us will do',
      ]
    : ['Catch-up since last time', 'Progress on goals', 'What to work on next', 'Before next time: one thing each of us will do'];
}

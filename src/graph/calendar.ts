/**
 * The Calendar port on Microsoft Graph, with the app's own token: free/busy
 * and working hours from getSchedule, and the session's Teams meeting as an
 * event in the organiser's calendar.
 *
 * Working hours come from getSchedule, which returns each mailbox's working
 * hours (they are part of its mailbox settings); reading /mailboxSettings as
 * well would only add a call and the MailboxSettings.Read permission.
 */
import { randomUUID } from 'node:crypto';
import type {
  DayOfWeek,
  Event,
  ScheduleInformation,
  ScheduleItem,
  User,
  WorkingHours as GraphWorkingHours,
} from '@microsoft/microsoft-graph-types';
import type { AttendeeResponse, Interval, WorkingHours } from '../domain/sessions';
import {
  CalendarError,
  type BookedMeeting,
  type Calendar,
  type CalendarMeeting,
  type CalendarPerson,
  type MeetingAttendance,
  type PersonAvailability,
} from '../services/ports';
import { calendarError, type CalendarOperation } from './calendarErrors';
import type { GraphClient } from './graphClient';
import { fromGraphDateTime, toGraphDateTime } from './graphDateTime';
import { GraphError } from './graphError';
import { ianaTimeZone } from './windowsTimeZones';

export interface GraphCalendarOptions {
  /**
   * The tenant the Graph client signs in to. When set, people of any other
   * tenant are refused: their ids mean nothing there, and nothing may cross
   * tenants.
   */
  tenantId?: string;
}

/** Addresses per getSchedule request: Exchange takes up to 100, but answers large requests slowly and throttles them sooner. */
const SCHEDULES_PER_REQUEST = 20;
/** Minutes per digit of availabilityView; we ask for this, and read the view where items do not explain it. */
const VIEW_INTERVAL_MINUTES = 30;

/**
 * Which free/busy states keep a slot from being offered. Busy and out of
 * office plainly do. Tentative does too: the person has said they may be
 * there, and a mentoring session offered on top of it is the one that gets
 * dropped. Unknown blocks because we cannot tell. Free does not, nor does
 * working elsewhere: the person is working, just not at their desk, and a
 * Teams meeting needs no desk.
 */
const BLOCKING = new Set(['busy', 'oof', 'tentative', 'unknown']);
/** availabilityView digits: 0 free or working elsewhere, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere (old servers). */
const BLOCKING_VIEW_DIGITS = new Set(['1', '2', '3']);

const DAY_NUMBERS: Record<DayOfWeek, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const READ_FREE_BUSY: CalendarOperation = {
  action: 'read free/busy',
  permission: 'Calendars.ReadWrite (Calendars.Read is enough for free/busy)',
};

export function graphCalendar(graph: GraphClient, options: GraphCalendarOptions = {}): Calendar {
  function checkTenant(tenantId: string): void {
    if (options.tenantId && tenantId.toLowerCase() !== options.tenantId.toLowerCase()) {
      throw new CalendarError('forbidden', `Microsoft Graph is set up for tenant ${options.tenantId}, not ${tenantId}`);
    }
  }

  const userPath = (person: CalendarPerson) => `/users/${encodeURIComponent(person.aadObjectId)}`;
  const eventPath = (organizer: CalendarPerson, eventId: string) => `${userPath(organizer)}/events/${encodeURIComponent(eventId)}`;

  /** The person's SMTP address: the one Teams gave, or the directory's. */
  async function mailOf(person: CalendarPerson): Promise<string> {
    if (person.email) return person.email;
    const operation = { action: `look up the mail address of ${person.name}`, permission: 'User.Read.All' };
    let user: Pick<User, 'mail' | 'userPrincipalName'>;
    try {
      user = await graph.get(userPath(person), { query: { $select: 'mail,userPrincipalName' } });
    } catch (error) {
      throw calendarError(error, operation);
    }
    const address = user.mail || user.userPrincipalName;
    if (!address) throw new CalendarError('not-found', `${person.name} has no mail address in the directory`);
    return address;
  }

  async function call<T>(operation: CalendarOperation, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw calendarError(error, operation);
    }
  }

  return {
    async availability(tenantId, people, window) {
      checkTenant(tenantId);
      checkInterval(window, 'The free/busy window');
      const result = new Map<string, PersonAvailability>();
      const [asker] = people;
      if (!asker) return result;
      const addresses = await Promise.all(people.map(mailOf));
      const unique = [...new Map(addresses.map((address) => [address.toLowerCase(), address])).values()];

      const schedules = new Map<string, ScheduleInformation>();
      for (let from = 0; from < unique.length; from += SCHEDULES_PER_REQUEST) {
        const chunk = unique.slice(from, from + SCHEDULES_PER_REQUEST);
        const answer = await call(READ_FREE_BUSY, () =>
          graph.post<{ value?: ScheduleInformation[] }>(
            `${userPath(asker)}/calendar/getSchedule`,
            {
              schedules: chunk,
              startTime: toGraphDateTime(window.start),
              endTime: toGraphDateTime(window.end),
              availabilityViewInterval: VIEW_INTERVAL_MINUTES,
            },
            // UTC is the documented default; asking for it keeps the answer from depending on that default.
            { headers: { Prefer: 'outlook.timezone="UTC"' } },
          ),
        );
        // Graph answers in the order asked and echoes each address; the order covers an echo in another form.
        const asked = new Set(chunk.map((address) => address.toLowerCase()));
        (answer.value ?? []).forEach((schedule, index) => {
          const echoed = schedule.scheduleId?.toLowerCase();
          const key = echoed && asked.has(echoed) ? echoed : chunk[index]?.toLowerCase();
          if (key) schedules.set(key, schedule);
        });
      }

      people.forEach((person, index) => {
        const address = addresses[index]!;
        const schedule = schedules.get(address.toLowerCase());
        if (!schedule) throw new CalendarError('unavailable', `Microsoft Graph returned no free/busy for ${person.name}`);
        if (schedule.error) throw scheduleError(person, schedule.error);
        result.set(person.personId, { busy: busyIntervals(schedule, window), workingHours: workingHoursFrom(schedule.workingHours) });
      });
      return result;
    },

    async createMeeting(tenantId, organizer, meeting: CalendarMeeting): Promise<BookedMeeting> {
      checkTenant(tenantId);
      checkInterval(meeting, 'The meeting');
      const organizerId = organizer.aadObjectId.toLowerCase();
      // The organiser's own calendar holds the event; inviting them too would send them a request to their own meeting.
      const invited = meeting.attendees.filter((person) => person.aadObjectId.toLowerCase() !== organizerId);
      const addresses = await Promise.all(invited.map(mailOf));
      const event: Event = {
        subject: meeting.subject,
        body: { contentType: 'html', content: meeting.bodyHtml },
        start: toGraphDateTime(meeting.start),
        end: toGraphDateTime(meeting.end),
        attendees: invited.map((person, index) => ({
          type: 'required',
          emailAddress: { address: addresses[index]!, name: person.name },
        })),
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        // The session's time lives in Tandem; a new time proposed in Outlook
        // would never reach it, so people reschedule from the chat instead.
        allowNewTimeProposals: false,
        // Attendance is read back from the responses.
        responseRequested: true,
        // Graph recognises a repeated create by this id, so a retry after a
        // lost answer (timeout, 5xx) does not book a second meeting.
        transactionId: randomUUID(),
      };
      const created = await call({ action: 'create the meeting', permission: 'Calendars.ReadWrite' }, () =>
        graph.post<Event>(`${userPath(organizer)}/events`, event),
      );
      if (!created.id) throw new CalendarError('unavailable', 'Microsoft Graph created the meeting but returned no event id');
      return { eventId: created.id, joinUrl: created.onlineMeeting?.joinUrl ?? null };
    },

    async moveMeeting(tenantId, organizer, eventId, when) {
      checkTenant(tenantId);
      checkInterval(when, 'The new time');
      await call({ action: 'move the meeting', permission: 'Calendars.ReadWrite' }, () =>
        graph.patch<Event>(eventPath(organizer, eventId), { start: toGraphDateTime(when.start), end: toGraphDateTime(when.end) }),
      );
    },

    async cancelMeeting(tenantId, organizer, eventId, comment) {
      checkTenant(tenantId);
      await call({ action: 'cancel the meeting', permission: 'Calendars.ReadWrite' }, () =>
        graph.post<void>(`${eventPath(organizer, eventId)}/cancel`, { comment }),
      );
    },

    async attendance(tenantId, organizer, eventId, attendees): Promise<MeetingAttendance> {
      checkTenant(tenantId);
      let event: Pick<Event, 'attendees' | 'isCancelled'>;
      try {
        event = await graph.get(eventPath(organizer, eventId), { query: { $select: 'attendees,isCancelled' } });
      } catch (error) {
        // Deleted from the organiser's calendar: the meeting is not happening.
        if (error instanceof GraphError && error.status === 404) return { cancelled: true, responses: {} };
        throw calendarError(error, { action: 'read the meeting responses', permission: 'Calendars.ReadWrite' });
      }
      const byAddress = new Map<string, AttendeeResponse>();
      for (const attendee of event.attendees ?? []) {
        const address = attendee.emailAddress?.address?.toLowerCase();
        if (address) byAddress.set(address, attendee.status?.response ?? 'none');
      }
      const organizerId = organizer.aadObjectId.toLowerCase();
      const responses: Record<string, AttendeeResponse> = {};
      for (const person of attendees) {
        if (person.aadObjectId.toLowerCase() === organizerId) {
          responses[person.personId] = 'organizer';
          continue;
        }
        const address = (await mailOf(person)).toLowerCase();
        responses[person.personId] = byAddress.get(address) ?? 'none';
      }
      return { cancelled: event.isCancelled === true, responses };
    },
  };
}

function checkInterval(interval: Interval, what: string): void {
  if (Number.isNaN(interval.start.getTime()) || Number.isNaN(interval.end.getTime()) || interval.end <= interval.start) {
    throw new CalendarError('invalid', `${what} must end after it starts`);
  }
}

/** getSchedule reports a mailbox it cannot read inside a 200, per address. */
function scheduleError(person: CalendarPerson, error: NonNullable<ScheduleInformation['error']>): CalendarError {
  const code = error.responseCode ?? '';
  const said = `${code || 'error'}: ${error.message ?? 'no message'}`;
  if (/denied|forbidden/i.test(code) || /denied/i.test(error.message ?? '')) {
    return new CalendarError('forbidden', `Microsoft Graph may not read the free/busy of ${person.name} (${said})`);
  }
  if (code === '5009' || /notfound|nonexistent|recipient/i.test(code) || /unable to resolve|not found/i.test(error.message ?? '')) {
    return new CalendarError('not-found', `${person.name} has no calendar Microsoft Graph can find (${said})`);
  }
  return new CalendarError('unavailable', `Microsoft Graph could not read the free/busy of ${person.name} (${said})`);
}

/**
 * The blocking items, plus any blocking slot of the coarse availabilityView
 * that no item explains (a mailbox that shares only its availability, such as
 * one in another organisation, sends the view without items); clipped to the
 * window, sorted, and merged where they overlap or touch.
 */
function busyIntervals(schedule: ScheduleInformation, window: Interval): Interval[] {
  const items = schedule.scheduleItems ?? [];
  const fromItems = blockingItems(items);
  const itemTimes = items.map((item) => ({ start: fromGraphDateTime(item.start), end: fromGraphDateTime(item.end) }));
  const unexplained = blockingViewSlots(schedule.availabilityView ?? '', window).filter(
    (slot) => !itemTimes.some(({ start, end }) => start && end && start < slot.end && end > slot.start),
  );
  const clipped = [...fromItems, ...unexplained]
    .map(({ start, end }) => ({ start: new Date(Math.max(start.getTime(), window.start.getTime())), end: new Date(Math.min(end.getTime(), window.end.getTime())) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ ...interval });
    }
  }
  return merged;
}

function blockingItems(items: ScheduleItem[]): Interval[] {
  const intervals: Interval[] = [];
  for (const item of items) {
    if (!BLOCKING.has((item.status ?? 'unknown').toLowerCase())) continue;
    const start = fromGraphDateTime(item.start);
    const end = fromGraphDateTime(item.end);
    if (!start || !end) {
      throw new CalendarError('invalid', `Microsoft Graph returned a free/busy time Tandem cannot read (${item.start?.timeZone ?? 'no time zone'})`);
    }
    intervals.push({ start, end });
  }
  return intervals;
}

function blockingViewSlots(view: string, window: Interval): Interval[] {
  const slotMs = VIEW_INTERVAL_MINUTES * 60_000;
  const slots: Interval[] = [];
  [...view].forEach((digit, index) => {
    if (!BLOCKING_VIEW_DIGITS.has(digit)) return;
    const start = window.start.getTime() + index * slotMs;
    slots.push({ start: new Date(start), end: new Date(start + slotMs) });
  });
  return slots;
}

/** Graph's working hours in our shape, or null when they are missing or in a zone we cannot name (the caller falls back). */
export function workingHoursFrom(hours: GraphWorkingHours | null | undefined): WorkingHours | null {
  if (!hours) return null;
  const timeZone = ianaTimeZone(hours.timeZone?.name);
  const days = [...new Set((hours.daysOfWeek ?? []).map((day) => DAY_NUMBERS[day.toLowerCase() as DayOfWeek]))]
    .filter((day): day is number => day !== undefined)
    .sort((a, b) => a - b);
  const startTime = hoursAndMinutes(hours.startTime);
  const endTime = hoursAndMinutes(hours.endTime);
  if (!timeZone || days.length === 0 || !startTime || !endTime) return null;
  return { timeZone, days, startTime, endTime };
}

function hoursAndMinutes(time: string | null | undefined): string | undefined {
  return time ? /^(\d{2}:\d{2})/.exec(time)?.[1] : undefined;
}

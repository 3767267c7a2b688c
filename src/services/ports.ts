/**
 * What the use cases need from the outside world, as interfaces: the bot
 * implements the notifier, pg-boss the scheduler, Graph or the questionnaire
 * the directory. Tests and main.ts plug in the concrete pieces.
 */
import type { MatchReasons } from '../domain/matchRuns';
import type { ProposalSource } from '../store/repositories/matchProposals';
import type { AttendeeResponse, Interval, WorkingHours } from '../domain/sessions';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Who is above a person in their reporting line, nearest first, as Tandem person ids. */
export interface Directory {
  reportingLines(tenantId: string, people: DirectoryPerson[]): Promise<Map<string, Set<string>>>;
}

export interface DirectoryPerson {
  personId: string;
  aadObjectId: string | null;
  name: string;
  email: string | null;
  /** The person's answer to the questionnaire's manager question, when it has one. */
  managerAnswer?: string;
}

/** What each job queue carries. Jobs name their subject by id; the handler reloads it and checks it still applies. */
export interface JobPayloads {
  'proposal-expiry': { tenantId: string; proposalId: string };
  /** Stale (the session moved or was cancelled) when `startsAt` is no longer the session's start. */
  'session-reminder': { tenantId: string; sessionId: string; offsetMinutes: number; startsAt: string };
  'rating-prompt': { tenantId: string; sessionId: string; endsAt: string };
  /** The next slot card after a session, by the program's cadence. */
  'next-session-offer': { tenantId: string; relationshipId: string; afterSessionId: string };
  /** Reads attendees' responses back from the calendar event. */
  'attendance-check': { tenantId: string; sessionId: string };
  /** Looks for pairs to nudge (cron). */
  'nudge-sweep': Record<string, never>;
}

export type JobQueueName = keyof JobPayloads;

export const jobQueues: JobQueueName[] = [
  'proposal-expiry',
  'session-reminder',
  'rating-prompt',
  'next-session-offer',
  'attendance-check',
  'nudge-sweep',
];

/**
 * Puts work off until a time; pg-boss implements it. The same job may be
 * scheduled (and run) more than once, so every handler is idempotent.
 */
export interface JobScheduler {
  schedule<Q extends JobQueueName>(queue: Q, data: JobPayloads[Q], at: Date): Promise<void>;
}

/** A proposal as the people it concerns are told about it. */
export interface ProposalNotice {
  tenantId: string;
  proposalId: string;
  programName: string;
  source: ProposalSource;
  mentorPersonId: string;
  mentorName: string;
  menteePersonId: string;
  menteeName: string;
  /** e.g. "Senior · Engineering" from the mentee's answers; may be empty. */
  menteeRole: string;
  menteeGoals: string;
  reasons: MatchReasons;
  score: number;
  expiresAt: Date;
  /** For dates on cards: each person's time zone from their answers. */
  mentorTimeZone: string | null;
  menteeTimeZone: string | null;
}

/** Proactive messages about matching, sent by the bot to people's 1:1 chats. */
export interface MatchNotifier {
  /** The proposal card with Accept and Decline, to the mentor. */
  proposalToMentor(notice: ProposalNotice): Promise<void>;
  /** Replaces the mentor's proposal card with its final state when it ends without a click (expiry, withdrawal). */
  proposalEnded(notice: ProposalNotice, outcome: 'expired' | 'closed', at: Date): Promise<void>;
  /** Tells the mentee their mentor did not answer in time or declined, and whether another was asked. */
  menteeProposalLapsed(
    notice: ProposalNotice,
    outcome: 'expired' | 'declined',
    next: { mentorName: string } | null,
  ): Promise<void>;
  /** Both people, on accept; the mentor is asked to introduce themselves. */
  matchMade(notice: ProposalNotice): Promise<void>;
  /** The other person, when someone ends a relationship. */
  relationshipEnded(tenantId: string, toPersonId: string, byName: string): Promise<void>;
}

/** A person as the calendar knows them. */
export interface CalendarPerson {
  personId: string;
  name: string;
  /** Entra object id; Graph addresses users by it. */
  aadObjectId: string;
  /** Mail address, when Teams gave one; the calendar looks it up otherwise. */
  email: string | null;
}

export interface PersonAvailability {
  busy: Interval[];
  /** From the person's mailbox settings; null when the mailbox has none. */
  workingHours: WorkingHours | null;
}

export interface CalendarMeeting {
  subject: string;
  /** HTML for the event body: the agenda. */
  bodyHtml: string;
  start: Date;
  end: Date;
  attendees: CalendarPerson[];
}

export interface BookedMeeting {
  eventId: string;
  joinUrl: string | null;
}

export interface MeetingAttendance {
  cancelled: boolean;
  /** Each attendee's response, by person id (matched through their mail address). */
  responses: Record<string, AttendeeResponse>;
}

/**
 * Outlook/Teams calendars (Microsoft Graph implements it). Every method
 * throws CalendarError when the calendar refuses or cannot be reached.
 */
export interface Calendar {
  /** Busy times and working hours of each person (by person id) within the window. */
  availability(tenantId: string, people: CalendarPerson[], window: Interval): Promise<Map<string, PersonAvailability>>;
  /** An event in the organiser's calendar with a Teams meeting, inviting the attendees. */
  createMeeting(tenantId: string, organizer: CalendarPerson, meeting: CalendarMeeting): Promise<BookedMeeting>;
  moveMeeting(tenantId: string, organizer: CalendarPerson, eventId: string, when: Interval): Promise<void>;
  /** Cancels the event and tells the attendees, with the comment. */
  cancelMeeting(tenantId: string, organizer: CalendarPerson, eventId: string, comment: string): Promise<void>;
  attendance(tenantId: string, organizer: CalendarPerson, eventId: string, attendees: CalendarPerson[]): Promise<MeetingAttendance>;
}

/** Why a calendar call failed, in terms a use case can act on. */
export class CalendarError extends Error {
  constructor(
    readonly kind: 'forbidden' | 'not-found' | 'throttled' | 'unavailable' | 'invalid',
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

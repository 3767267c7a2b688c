/**
 * Session reminders: one job per reminder offset of the program, due that
 * long before the session starts. A job names the start time it was made
 * for, so moving a session leaves its old jobs stale (they find a different
 * start and do nothing) and cancelling leaves them nothing to remind of.
 * Each person's reminder has a delivery key, and the sender sends a key once,
 * so a job that runs twice, on another instance or after a restart, reminds
 * nobody twice.
 */
import { displayTimeZone } from '../domain/profileSummary';
import type { Session } from '../store/repositories/sessions';
import type { Relationship } from '../store/repositories/relationships';
import type { Store } from '../store/store';
import type { Clock, JobPayloads, JobScheduler } from './ports';

/** Without offsets on the program: the day before, and a quarter of an hour before. */
export const DEFAULT_REMINDER_OFFSETS_MINUTES = [24 * 60, 15];

export const SESSION_REMINDER_KIND = 'session-reminder';

export type ReminderJob = JobPayloads['session-reminder'];

/** What the sender made of one reminder (the sender's DeliveryStatus, without Teams types). */
export type ReminderDeliveryStatus = 'sent' | 'already-sent' | 'in-flight' | 'unreachable' | 'failed';

export interface ReminderPerson {
  personId: string;
  name: string;
  /** IANA zone the reminder's times are shown in. */
  timeZone: string;
}

/** One person's reminder of one session. */
export interface SessionReminder {
  tenantId: string;
  sessionId: string;
  offsetMinutes: number;
  startsAt: Date;
  endsAt: Date;
  joinUrl: string | null;
  agenda: { text: string; done: boolean }[];
  to: ReminderPerson;
  /** The other person of the pair. */
  with: ReminderPerson;
  /** Sends this reminder at most once. */
  deliveryKey: string;
}

/** Tells a person about their coming session (the bot sends a card to their 1:1 chat). */
export interface ReminderNotifier {
  remind(reminder: SessionReminder): Promise<ReminderDeliveryStatus>;
}

export interface ReminderServiceDeps {
  store: Store;
  scheduler: JobScheduler;
  notifier: ReminderNotifier;
  clock: Clock;
}

/** What a reminder job did. */
export type ReminderJobOutcome = 'reminded' | 'stale' | 'started';

/**
 * A reminder that is not done yet (another instance holds it, or Teams kept
 * failing): thrown so the job queue runs the job again later, when the
 * ledger either says it was sent or lets it be taken over.
 */
export class ReminderIncompleteError extends Error {
  constructor(readonly statuses: ReminderDeliveryStatus[]) {
    super(`session reminder not delivered yet: ${statuses.join(', ')}`);
    this.name = 'ReminderIncompleteError';
  }
}

export const reminderDeliveryKey = (job: ReminderJob, personId: string) =>
  `reminder:${job.sessionId}:${job.offsetMinutes}:${job.startsAt}:${personId}`;

export type ReminderService = ReturnType<typeof createReminderService>;

export function createReminderService(deps: ReminderServiceDeps) {
  const { store, clock } = deps;

  async function person(tenantId: string, relationship: Relationship, personId: string): Promise<ReminderPerson | undefined> {
    const [row, enrollment] = await Promise.all([
      store.people.get(tenantId, personId),
      store.enrollments.find(tenantId, relationship.programId, personId),
    ]);
    if (!row) return undefined;
    return { personId: row.id, name: row.name, timeZone: displayTimeZone(enrollment?.answers, row.timeZone) };
  }

  return {
    /**
     * Schedules the session's reminders, one per offset of its program, at
     * startsAt − offset; times already past are skipped. Call it after a
     * session is booked, confirmed or moved.
     */
    async scheduleFor(session: Session): Promise<void> {
      if (session.status !== 'scheduled' && session.status !== 'proposed') return;
      const relationship = await store.relationships.get(session.tenantId, session.relationshipId);
      if (!relationship) return;
      const program = await store.programs.get(session.tenantId, relationship.programId);
      const offsets = program?.reminderOffsetsMinutes.length ? program.reminderOffsetsMinutes : DEFAULT_REMINDER_OFFSETS_MINUTES;
      const startsAt = session.startsAt.toISOString();
      const now = clock.now().getTime();
      for (const offsetMinutes of new Set(offsets)) {
        const at = new Date(session.startsAt.getTime() - offsetMinutes * 60_000);
        if (at.getTime() <= now) continue;
        await deps.scheduler.schedule(
          'session-reminder',
          { tenantId: session.tenantId, sessionId: session.id, offsetMinutes, startsAt },
          at,
        );
      }
    },

    /**
     * Runs a reminder job: reminds both people of a session that is still
     * scheduled at the time the job was made for. Throws ReminderIncompleteError
     * when a reminder could not be finished now, so the job is run again.
     */
    async send(job: ReminderJob): Promise<ReminderJobOutcome> {
      const session = await store.sessions.get(job.tenantId, job.sessionId);
      if (!session || session.status !== 'scheduled' || session.startsAt.toISOString() !== job.startsAt) return 'stale';
      // A reminder that arrives after the start (the app was down) would only be noise.
      if (clock.now().getTime() >= session.startsAt.getTime()) return 'started';
      const relationship = await store.relationships.get(job.tenantId, session.relationshipId);
      if (!relationship) return 'stale';
      const [mentor, mentee, agenda] = await Promise.all([
        person(job.tenantId, relationship, relationship.mentorPersonId),
        person(job.tenantId, relationship, relationship.menteePersonId),
        store.sessions.listAgenda(job.tenantId, session.id),
      ]);
      if (!mentor || !mentee) return 'stale';
      const reminderOf = (to: ReminderPerson, other: ReminderPerson): SessionReminder => ({
        tenantId: job.tenantId,
        sessionId: session.id,
        offsetMinutes: job.offsetMinutes,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        joinUrl: session.joinUrl,
        agenda: agenda.map((item) => ({ text: item.text, done: item.done })),
        to,
        with: other,
        deliveryKey: reminderDeliveryKey(job, to.personId),
      });
      const statuses = await Promise.all([
        deps.notifier.remind(reminderOf(mentee, mentor)),
        deps.notifier.remind(reminderOf(mentor, mentee)),
      ]);
      if (statuses.some((s) => s === 'in-flight' || s === 'failed')) throw new ReminderIncompleteError(statuses);
      return 'reminded';
    },
  };
}

/**
 * Session reminders on a real store, through the real reminder notifier and
 * proactive sender, to a fake Bot Connector: which jobs a session gets, what
 * each person's card says (in their own time zone), and that a job run again,
 * made stale by a move, or outlived by a cancellation reminds nobody twice or
 * wrongly. The scheduler is the port to pg-boss; here it records what it was asked.
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { createProactiveSender } from '../../bot/proactive/sender';
import { createReminderNotifier } from '../../bot/reminderNotifier';
import type { JobPayloads } from '../../src/services/ports';
import { createReminderService, ReminderIncompleteError, type ReminderJob } from '../../src/services/reminders';
import type { Database } from '../../src/store/database';
import { programs } from '../../src/store/schema';
import { createStore, type Store } from '../../src/store/store';
import type { Session } from '../../src/store/repositories/sessions';
import { cardProblems } from '../support/adaptiveCards';
import { actions, texts, type CardJson } from '../support/cards';
import { testDatabaseTargets } from '../support/databases';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { savePersonalChat } from '../support/personalChats';
import { seedRelationship } from '../store/fixtures';

const MINUTE = 60_000;
const tenantId = 'tenant-r';

describe.each(testDatabaseTargets)('session reminders, on $name', (target) => {
  let database: Database;
  let store: Store;
  let connector: FakeConnector;
  let seed: Awaited<ReturnType<typeof seedRelationship>>;
  const clock = { at: new Date('2026-03-03T09:00:00Z'), now: () => new Date(clock.at) };
  const scheduled: { data: JobPayloads['session-reminder']; at: Date }[] = [];

  const service = () =>
    createReminderService({
      store,
      clock,
      scheduler: {
        schedule: async (queue, data, at) => {
          if (queue === 'session-reminder') scheduled.push({ data: data as ReminderJob, at });
        },
      },
      notifier: createReminderNotifier(
        createProactiveSender({
          adapter: new TeamsAdapter({}),
          appId: '',
          store,
          logger: pino({ level: 'silent' }),
          sleep: async () => {},
        }),
      ),
    });

  beforeAll(async () => {
    database = await target.open();
    store = createStore(database.db);
    connector = await startFakeConnector();
    seed = await seedRelationship(store, tenantId);
    // The mentee's Teams client reports Kolkata; the mentor's zone is unknown (UTC).
    await store.people.upsertSeen({ tenantId, teamsUserId: seed.mentee.teamsUserId, timeZone: 'Asia/Kolkata' });
    await savePersonalChat(store, connector, tenantId, { id: seed.mentor.id, teamsUserId: 'mentor' });
    await savePersonalChat(store, connector, tenantId, { id: seed.mentee.id, teamsUserId: 'mentee' });
  });
  afterAll(async () => {
    await connector.close();
    await database.close();
  });
  beforeEach(() => {
    scheduled.length = 0;
  });

  const book = (startsAt: Date, extra: Partial<Parameters<Store['sessions']['create']>[0]> = {}) =>
    store.sessions.create({
      tenantId,
      relationshipId: seed.relationship.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 60 * MINUTE),
      status: 'scheduled',
      ...extra,
    });
  const jobFor = (session: Session, offsetMinutes: number): ReminderJob => ({
    tenantId,
    sessionId: session.id,
    offsetMinutes,
    startsAt: session.startsAt.toISOString(),
  });
  const cardsTo = (conversationId: string, sessionId: string) =>
    connector.calls
      .filter((c) => c.conversationId === conversationId)
      .map((c) => (c.body.attachments as { content: CardJson }[] | undefined)?.[0]?.content)
      .filter((card): card is CardJson => !!card && JSON.stringify(card).includes(sessionId));

  describe('scheduling', () => {
    it("schedules one job per program offset, at the start minus the offset, naming the start it was made for", async () => {
      const session = await book(new Date('2026-03-05T14:00:00Z'));
      await service().scheduleFor(session);
      const startsAt = '2026-03-05T14:00:00.000Z';
      expect(scheduled).toEqual([
        {
          data: { tenantId, sessionId: session.id, offsetMinutes: 1440, startsAt },
          at: new Date('2026-03-04T14:00:00Z'),
        },
        {
          data: { tenantId, sessionId: session.id, offsetMinutes: 15, startsAt },
          at: new Date('2026-03-05T13:45:00Z'),
        },
      ]);
    });

    it('skips reminder times already past, and sessions that will not happen', async () => {
      const soon = await book(new Date(clock.at.getTime() + 60 * MINUTE));
      await service().scheduleFor(soon);
      expect(scheduled.map((s) => s.data.offsetMinutes)).toEqual([15]);

      scheduled.length = 0;
      const cancelled = await book(new Date('2026-03-06T10:00:00Z'), { status: 'cancelled' });
      await service().scheduleFor(cancelled);
      expect(scheduled).toEqual([]);
    });

    it("uses the program's own offsets", async () => {
      await database.db.update(programs).set({ reminderOffsetsMinutes: [120] }).where(eq(programs.id, seed.program.id));
      try {
        const session = await book(new Date('2026-03-07T10:00:00Z'));
        await service().scheduleFor(session);
        expect(scheduled.map((s) => [s.data.offsetMinutes, s.at.toISOString()])).toEqual([[120, '2026-03-07T08:00:00.000Z']]);
      } finally {
        await database.db.update(programs).set({ reminderOffsetsMinutes: [1440, 15] }).where(eq(programs.id, seed.program.id));
      }
    });
  });

  describe('sending', () => {
    it('reminds both people once, each in their own time zone, with the agenda, the meeting link and the actions', async () => {
      const session = await book(new Date('2026-03-04T08:30:00Z'), { joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' });
      await store.sessions.addAgendaItem(tenantId, session.id, seed.mentee.id, 'Feedback on my talk');
      const item = await store.sessions.addAgendaItem(tenantId, session.id, seed.mentor.id, 'Career goals');
      await store.sessions.setAgendaItemDone(tenantId, item!.id, true);

      expect(await service().send(jobFor(session, 1440))).toBe('reminded');
      const [toMentee] = cardsTo('a:mentee', session.id);
      const [toMentor] = cardsTo('a:mentor', session.id);
      expect(cardProblems(toMentee!)).toEqual([]);
      expect(cardProblems(toMentor!)).toEqual([]);

      expect(texts(toMentee!)).toEqual(
        expect.arrayContaining([
          'Your session with Mia is tomorrow',
          'Wednesday 4 March, 14:00–15:00, with Mia Mentor',
          'Times are in Asia/Kolkata.',
          '- Feedback on my talk\r- Career goals (done)',
        ]),
      );
      expect(texts(toMentor!)).toEqual(
        expect.arrayContaining(['Your session with Max is tomorrow', 'Wednesday 4 March, 08:30–09:30, with Max Mentee', 'Times are in UTC.']),
      );
      expect(actions(toMentee!)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://teams.microsoft.com/l/meetup-join/abc' }),
          expect.objectContaining({ type: 'Action.Execute', verb: 'session.reschedule', data: { sessionId: session.id } }),
          expect.objectContaining({ type: 'Action.Execute', verb: 'session.cancel', data: { sessionId: session.id } }),
        ]),
      );

      // The job again (pg-boss retried it, or a second instance got it): nobody hears twice.
      expect(await service().send(jobFor(session, 1440))).toBe('reminded');
      expect(cardsTo('a:mentee', session.id)).toHaveLength(1);
      expect(cardsTo('a:mentor', session.id)).toHaveLength(1);

      // The other offset is a reminder of its own.
      expect(await service().send(jobFor(session, 15))).toBe('reminded');
      expect(texts(cardsTo('a:mentee', session.id)[1]!)).toContain('Your session with Mia starts in 15 minutes');
      expect(cardsTo('a:mentor', session.id)).toHaveLength(2);
    });

    it('leaves out the meeting link when there is none, and says the agenda is empty', async () => {
      const session = await book(new Date('2026-03-04T10:00:00Z'));
      await service().send(jobFor(session, 15));
      const [card] = cardsTo('a:mentee', session.id);
      expect(actions(card!).filter((a) => a.type === 'Action.OpenUrl')).toEqual([]);
      expect(texts(card!)).toContain('Nothing on the agenda yet. A topic or two helps you both come prepared.');
    });

    it('does nothing for a session that moved, was cancelled, or has started', async () => {
      const moved = await book(new Date('2026-03-04T11:00:00Z'));
      const oldJob = jobFor(moved, 15);
      await store.sessions.move(tenantId, moved.id, new Date('2026-03-04T12:00:00Z'), new Date('2026-03-04T13:00:00Z'));
      expect(await service().send(oldJob)).toBe('stale');

      const cancelled = await book(new Date('2026-03-04T13:00:00Z'));
      await store.sessions.cancel(tenantId, cancelled.id, clock.now());
      expect(await service().send(jobFor(cancelled, 15))).toBe('stale');

      const started = await book(new Date(clock.at.getTime() - 5 * MINUTE));
      expect(await service().send(jobFor(started, 15))).toBe('started');

      for (const s of [moved, cancelled, started]) {
        expect(cardsTo('a:mentee', s.id)).toEqual([]);
        expect(cardsTo('a:mentor', s.id)).toEqual([]);
      }
    });

    it('fails the job while Teams keeps failing, so it runs again, and then reminds once', async () => {
      const session = await book(new Date('2026-03-04T15:00:00Z'));
      connector.failNext(10, 502);
      await expect(service().send(jobFor(session, 15))).rejects.toBeInstanceOf(ReminderIncompleteError);
      expect(cardsTo('a:mentee', session.id)).toEqual([]);
      expect(await service().send(jobFor(session, 15))).toBe('reminded');
      expect(await service().send(jobFor(session, 15))).toBe('reminded');
      expect(cardsTo('a:mentee', session.id)).toHaveLength(1);
      expect(cardsTo('a:mentor', session.id)).toHaveLength(1);
    });
  });
});

/**
 * Each session reminder reaches each person exactly once, with the whole app
 * running (pg-boss jobs, the reminder service, the proactive sender and its
 * ledger) against a fake Bot Connector: when the job runs twice, across a
 * restart on the same data, and with two app instances on one PostgreSQL
 * server. Reminders are made due a second from now (a session a quarter of an
 * hour and a second away), so the real job queue runs them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startTandem, type RunningTandem } from '../../src/main';
import { startJobQueue } from '../../src/jobs/jobQueue';
import { openDatabase, type Database } from '../../src/store/database';
import { createStore, type Store } from '../../src/store/store';
import type { Session } from '../../src/store/repositories/sessions';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { createScratchDatabase, testDatabaseUrl } from '../support/databases';
import { savePersonalChat } from '../support/personalChats';
import { seedMentee, seedPair } from '../store/fixtures';

jest.setTimeout(90_000);

const tenantId = 'tenant-jobs';

/** One database that can be opened again (a restart) or twice at once (two instances). */
interface ReopenableDatabase {
  open(): Promise<Database>;
  drop(): Promise<void>;
}

function pgliteDir(): ReopenableDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-reminders-'));
  return {
    open: () => openDatabase({ kind: 'pglite', dataDir: dir }),
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function serverDatabase(serverUrl: string): Promise<ReopenableDatabase> {
  const scratch = await createScratchDatabase(serverUrl, 'tandem_jobs');
  return { open: () => openDatabase({ kind: 'postgres', url: scratch.url }), drop: scratch.drop };
}

async function startApp(database: Database): Promise<RunningTandem> {
  return startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), {
    database,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    jobPollingSeconds: 0.5,
  });
}

interface SeededPairs {
  relationships: { id: string; mentorPersonId: string; menteePersonId: string }[];
  conversationOf: Map<string, string>;
}

/** `pairs` mentor–mentee pairs (one mentor), each person with a 1:1 chat reference pointing at the fake connector. */
async function seedPairs(store: Store, connector: FakeConnector, pairs: number): Promise<SeededPairs> {
  const base = await seedPair(store, tenantId);
  const relationships = [];
  for (let i = 0; i < pairs; i++) {
    const mentee = i === 0 ? base.mentee : (await seedMentee(store, base, `Mentee ${i}`)).person;
    relationships.push(
      await store.relationships.create({ tenantId, programId: base.program.id, mentorPersonId: base.mentor.id, menteePersonId: mentee.id }),
    );
  }
  const conversationOf = new Map<string, string>();
  for (const person of await store.people.listByTenant(tenantId, 1000)) {
    conversationOf.set(person.id, await savePersonalChat(store, connector, tenantId, person));
  }
  return { relationships, conversationOf };
}

/** Sessions whose 15-minute reminder falls due a second from now (the 24-hour one is already past). */
async function bookDueSessions(store: Store, relationshipIds: string[]): Promise<Session[]> {
  const startsAt = new Date(Date.now() + 15 * 60_000 + 1_000);
  return Promise.all(
    relationshipIds.map((relationshipId) =>
      store.sessions.create({
        tenantId,
        relationshipId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3600_000),
        status: 'scheduled',
      }),
    ),
  );
}

/** Reminder cards the connector accepted, per conversation and session. */
function remindersReceived(connector: FakeConnector): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of connector.calls) {
    if (call.method !== 'POST') continue;
    const card = (call.body.attachments as { content?: { actions?: { verb?: string; data?: { sessionId?: string } }[] } }[] | undefined)?.[0]
      ?.content;
    const sessionId = card?.actions?.find((a) => a.verb === 'session.reschedule')?.data?.sessionId;
    if (!sessionId) continue;
    const key = `${call.conversationId}|${sessionId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Waits until pg-boss has finished `count` reminder jobs (completed, not just fetched). */
async function reminderJobsCompleted(database: Database, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await database.executeSql(
      `select count(*)::int as n from pgboss.job where name = 'session-reminder' and state = 'completed'`,
    );
    const done = (rows[0] as { n: number }).n;
    if (done >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${done} of ${count} reminder jobs completed`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Each session's reminder reached the mentor's chat and the mentee's chat once, and nothing else arrived. */
function expectEachOnce(connector: FakeConnector, seeded: SeededPairs, sessions: Session[]) {
  const expected: Record<string, number> = {};
  for (const session of sessions) {
    const pair = seeded.relationships.find((r) => r.id === session.relationshipId)!;
    for (const personId of [pair.mentorPersonId, pair.menteePersonId]) expected[`${seeded.conversationOf.get(personId)}|${session.id}`] = 1;
  }
  expect(Object.keys(expected)).toHaveLength(sessions.length * 2);
  expect(Object.fromEntries(remindersReceived(connector))).toEqual(expected);
}

describe.each(testDatabaseUrl ? ['pglite', 'postgres'] : ['pglite'])('session reminders exactly once, on %s', (kind) => {
  let connector: FakeConnector;
  let data: ReopenableDatabase;

  beforeEach(async () => {
    connector = await startFakeConnector();
    data = kind === 'pglite' ? pgliteDir() : await serverDatabase(testDatabaseUrl!);
  });
  afterEach(async () => {
    await connector.close();
    await data.drop();
  });

  it('when the job runs twice', async () => {
    const database = await data.open();
    const app = await startApp(database);
    try {
      const store = createStore(database.db);
      const seeded = await seedPairs(store, connector, 1);
      const sessions = await bookDueSessions(store, [seeded.relationships[0]!.id]);
      // Scheduling twice makes two jobs for the same reminder; both run.
      await app.reminders.scheduleFor(sessions[0]!);
      await app.reminders.scheduleFor(sessions[0]!);
      await reminderJobsCompleted(database, 2);
      expectEachOnce(connector, seeded, sessions);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('across a restart on the same data', async () => {
    let database = await data.open();
    let app = await startApp(database);
    const store = () => createStore(database.db);
    let sessions: Session[];
    let seeded: SeededPairs;
    try {
      seeded = await seedPairs(store(), connector, 3);
      sessions = await bookDueSessions(store(), seeded.relationships.map((r) => r.id));
      for (const session of sessions) await app.reminders.scheduleFor(session);
      await reminderJobsCompleted(database, 3);
      expectEachOnce(connector, seeded, sessions);
    } finally {
      await app.close();
      await database.close();
    }

    database = await data.open();
    app = await startApp(database);
    const queue = await startJobQueue(database, { logger: pino({ level: 'silent' }) });
    try {
      // The same reminder jobs come again to the restarted app, as a job does that pg-boss
      // retries because the instance running it died before marking it done.
      for (const session of sessions) {
        await queue.schedule(
          'session-reminder',
          { tenantId, sessionId: session.id, offsetMinutes: 15, startsAt: session.startsAt.toISOString() },
          new Date(),
        );
      }
      await reminderJobsCompleted(database, 6);
      expectEachOnce(connector, seeded, sessions);
    } finally {
      await queue.stop();
      await app.close();
      await database.close();
    }
  });

  (kind === 'postgres' ? it : it.skip)('with two app instances on one PostgreSQL server', async () => {
    const first = await data.open();
    const second = await data.open();
    const apps = [await startApp(first), await startApp(second)];
    try {
      const store = createStore(first.db);
      const seeded = await seedPairs(store, connector, 12);
      const sessions = await bookDueSessions(store, seeded.relationships.map((r) => r.id));
      // Each instance schedules every reminder: two jobs per reminder, fetched by either instance.
      for (const session of sessions) for (const app of apps) await app.reminders.scheduleFor(session);
      await reminderJobsCompleted(first, sessions.length * 2);
      expectEachOnce(connector, seeded, sessions);
    } finally {
      for (const app of apps) await app.close();
      await first.close();
      await second.close();
    }
  });
});

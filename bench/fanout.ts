/**
 * Fan-out benchmark: `npm run bench:fanout`.
 *
 * 10,000 session reminders fall due at the same moment for 10,000 people
 * (5,000 pairs, one reminder each), spread over several tenants. The app
 * runs as a child process (bench/fanoutApp.ts) against a fresh PostgreSQL
 * database on DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/test),
 * or PGlite when there is no server, and sends through a local connector that
 * enforces Teams' limits with 429s (bench/limitedConnector.ts) and counts
 * every message it accepted by delivery.
 *
 *   phase 1: the app delivers all 10,000; prints the achieved rate against
 *            the allowed rate (tenants × per-tenant rate), lost and duplicated.
 *   phase 2: 10,000 new reminders; the app is SIGKILLed half-way and started
 *            again; prints the same, and what was still held when it ended.
 *
 * Settings (env): FANOUT_TENANTS (default 8), FANOUT_TENANT_RATE (per
 * second, default 25, passed to the app as PROACTIVE_TENANT_RATE_PER_SECOND),
 * FANOUT_PEOPLE (default 10000), FANOUT_RECOVERY_SECONDS (how long phase 2
 * waits for the rest after the restart, default 240: the killed app's fetched
 * jobs come back when they expire, after 2 minutes, and its claimed deliveries
 * when their 2-minute lease runs out).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startJobQueue } from '../src/jobs/jobQueue';
import { createReminderService } from '../src/services/reminders';
import { openDatabase, type Database, type DatabaseTarget } from '../src/store/database';
import { createStore } from '../src/store/store';
import type { Session } from '../src/store/repositories/sessions';
import { startLimitedConnector, type LimitedConnector } from './limitedConnector';
import { bookSessions, seedPairs, tenantOfConversation, type SeededPair } from './fanoutSeed';
import { createScratchDatabase } from '../test/support/databases';

const TENANTS = Number(process.env.FANOUT_TENANTS ?? 8);
const TENANT_RATE = Number(process.env.FANOUT_TENANT_RATE ?? 25);
const PEOPLE = Number(process.env.FANOUT_PEOPLE ?? 10_000);
const RECOVERY_SECONDS = Number(process.env.FANOUT_RECOVERY_SECONDS ?? 240);
const PAIRS = PEOPLE / 2;
const ALLOWED = TENANTS * TENANT_RATE;
const REMINDER_OFFSET_MS = 15 * 60_000;
/** A phase ends when nothing new arrived for this long after everything that will come came. */
const IDLE_MS = 10_000;

interface BenchDatabase {
  kind: 'postgres' | 'pglite';
  target: DatabaseTarget;
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function benchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  try {
    const scratch = await createScratchDatabase(serverUrl, 'tandem_fanout');
    return { kind: 'postgres', target: { kind: 'postgres', url: scratch.url }, env: { DATABASE_URL: scratch.url }, drop: scratch.drop };
  } catch {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-fanout-'));
    return {
      kind: 'pglite',
      target: { kind: 'pglite', dataDir: dir },
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
}

/** Starts the app in a child process; resolves once it listens. */
function startApp(bench: BenchDatabase): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', path.join(__dirname, 'fanoutApp.ts')], {
    env: {
      ...process.env,
      ...bench.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      PROACTIVE_TENANT_RATE_PER_SECOND: String(TENANT_RATE),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`the app exited with ${code} before it was ready`)));
  });
}

function stopApp(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Books one session per pair starting in a quarter of an hour, and schedules their reminders as the app would. */
async function scheduleReminders(bench: BenchDatabase, pairs: SeededPair[]): Promise<{ sessions: Session[]; dueAt: Date }> {
  const database = await openDatabase(bench.target);
  try {
    const now = new Date();
    const dueAt = new Date(now.getTime() + 2_000);
    const sessions = await bookSessions(database.db, pairs, new Date(dueAt.getTime() + REMINDER_OFFSET_MS));
    progress(`booked ${sessions.length} sessions; scheduling their reminders`);
    const jobs = await startJobQueue(database, { logger: pino({ level: 'silent' }) });
    const reminders = createReminderService({
      store: createStore(database.db),
      scheduler: jobs,
      notifier: { remind: async () => 'failed' },
      clock: { now: () => now },
    });
    for (let i = 0; i < sessions.length; i += 50) await Promise.all(sessions.slice(i, i + 50).map((s) => reminders.scheduleFor(s)));
    await jobs.stop();
    progress('scheduled');
    return { sessions, dueAt };
  } finally {
    await database.close();
  }
}

interface PhaseCount {
  delivered: number;
  lost: number;
  duplicated: number;
}

function countPhase(connector: LimitedConnector, sessions: Session[], conversationsOf: Map<string, string[]>): PhaseCount {
  let delivered = 0;
  let lost = 0;
  let duplicated = 0;
  for (const session of sessions) {
    for (const conversationId of conversationsOf.get(session.relationshipId) ?? []) {
      const times = connector.accepted.get(`${conversationId}|${session.id}`) ?? 0;
      if (times === 0) lost++;
      else delivered++;
      duplicated += Math.max(0, times - 1);
    }
  }
  return { delivered, lost, duplicated };
}

/** Waits until `expected` messages arrived, or nothing arrived for `idleMs`, or the deadline passed. */
async function waitForDeliveries(
  connector: LimitedConnector,
  from: number,
  expected: number,
  deadline: number,
  idleMs = IDLE_MS,
): Promise<void> {
  let lastCount = -1;
  let lastChange = Date.now();
  for (;;) {
    const count = connector.acceptedAt.length - from;
    if (count >= expected || Date.now() > deadline) return;
    if (count !== lastCount) {
      lastCount = count;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > idleMs && count > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function rateOf(times: number[]): number {
  if (times.length < 2) return 0;
  return (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
}

/** Ids of the reminder jobs pg-boss has handed out and not seen finished. */
async function activeJobIds(bench: BenchDatabase): Promise<string[]> {
  const database: Database = await openDatabase(bench.target);
  try {
    const { rows } = await database.executeSql(`select id from pgboss.job where name = 'session-reminder' and state = 'active'`);
    return (rows as { id: string }[]).map((r) => r.id);
  } finally {
    await database.close();
  }
}

async function leftovers(bench: BenchDatabase, heldByKilled: string[]) {
  const database: Database = await openDatabase(bench.target);
  try {
    const jobs = await database.executeSql(
      `select count(*) filter (where state = 'active' and id = any($1::uuid[]))::int as held,
              count(*) filter (where state in ('created', 'retry'))::int as pending
         from pgboss.job where name = 'session-reminder'`,
      [heldByKilled],
    );
    const ledger = await database.executeSql(`select count(*)::int as n from notifications where status = 'sending'`);
    const row = jobs.rows[0] as { held: number; pending: number };
    return { stillHeld: row.held, pendingJobs: row.pending, claimedDeliveries: (ledger.rows[0] as { n: number }).n };
  } finally {
    await database.close();
  }
}

const fmt = (n: number) => n.toFixed(1);
const benchStarted = Date.now();
/** Progress on stderr, so the figures on stdout stay plain. */
const progress = (what: string) => process.stderr.write(`  [${fmt((Date.now() - benchStarted) / 1000)} s] ${what}\n`);

async function main(): Promise<void> {
  const bench = await benchDatabase();
  const connector = await startLimitedConnector({ tenantRatePerSecond: TENANT_RATE, tenantOf: tenantOfConversation });
  const children: ChildProcess[] = [];
  try {
    console.log(
      `fan-out: ${PEOPLE} people (${PAIRS} pairs) in ${TENANTS} tenants, allowed ${TENANT_RATE}/s per tenant = ${ALLOWED}/s; database: ${bench.kind}`,
    );
    const database = await openDatabase(bench.target);
    let pairs: SeededPair[];
    const conversationsOf = new Map<string, string[]>();
    try {
      progress('seeding');
      pairs = await seedPairs(database.db, createStore(database.db), { tenants: TENANTS, pairs: PAIRS, serviceUrl: connector.serviceUrl });
      const { rows } = await database.executeSql(
        `select r.id as relationship, m.conversation_id as mentor, e.conversation_id as mentee
           from relationships r
           join conversation_references m on m.person_id = r.mentor_person_id
           join conversation_references e on e.person_id = r.mentee_person_id`,
      );
      for (const row of rows as { relationship: string; mentor: string; mentee: string }[]) conversationsOf.set(row.relationship, [row.mentor, row.mentee]);
    } finally {
      await database.close();
    }
    const expected = PAIRS * 2;

    // Phase 1: everything due at once, delivered by one app.
    {
      const { sessions } = await scheduleReminders(bench, pairs);
      const from = connector.acceptedAt.length;
      const throttledBefore = connector.throttled();
      const app = await startApp(bench);
      children.push(app);
      progress('app started');
      const started = Date.now();
      await waitForDeliveries(connector, from, expected, started + 240_000);
      await stopApp(app, 'SIGTERM');
      const times = connector.acceptedAt.slice(from);
      const count = countPhase(connector, sessions, conversationsOf);
      const achieved = rateOf(times);
      console.log(
        `phase 1 (one app): ${count.delivered}/${expected} delivered in ${fmt((times.at(-1)! - times[0]!) / 1000)} s; ` +
          `achieved ${fmt(achieved)}/s of allowed ${ALLOWED}/s (${fmt((100 * achieved) / ALLOWED)}%); ` +
          `lost ${count.lost}, duplicated ${count.duplicated}; 429s from the connector: ${connector.throttled() - throttledBefore}`,
      );
    }

    // Phase 2: the same again, with the app SIGKILLed half-way and started again.
    {
      const { sessions } = await scheduleReminders(bench, pairs);
      const from = connector.acceptedAt.length;
      const throttledBefore = connector.throttled();
      const first = await startApp(bench);
      children.push(first);
      await waitForDeliveries(connector, from, expected / 2, Date.now() + 240_000);
      await stopApp(first, 'SIGKILL');
      progress('app killed');
      const killedAt = Date.now();
      const atKill = connector.acceptedAt.length - from;
      const heldByKilled = await activeJobIds(bench);
      const second = await startApp(bench);
      children.push(second);
      const restartedAt = Date.now();
      // A lull is expected here (the killed app's jobs are still 'active' until they expire), so wait for all or the deadline.
      await waitForDeliveries(connector, from, expected, restartedAt + RECOVERY_SECONDS * 1000, Infinity);
      await stopApp(second, 'SIGTERM');
      const times = connector.acceptedAt.slice(from);
      const count = countPhase(connector, sessions, conversationsOf);
      const achieved = rateOf(times);
      const whileUp = (times.length - 1) / ((times.at(-1)! - times[0]! - (restartedAt - killedAt)) / 1000);
      const held = await leftovers(bench, heldByKilled);
      console.log(
        `phase 2 (SIGKILL after ${atKill} accepted, restarted in ${fmt((restartedAt - killedAt) / 1000)} s): ` +
          `${count.delivered}/${expected} delivered in ${fmt((times.at(-1)! - times[0]!) / 1000)} s; ` +
          `achieved ${fmt(achieved)}/s overall, ${fmt(whileUp)}/s while an app was up, of allowed ${ALLOWED}/s (${fmt((100 * whileUp) / ALLOWED)}%); ` +
          `lost ${count.lost}, duplicated ${count.duplicated}; 429s from the connector: ${connector.throttled() - throttledBefore}`,
      );
      console.log(
        `  the killed app held ${heldByKilled.length} fetched reminder jobs; at the end ${held.stillHeld} of them were still 'active' ` +
          `(pg-boss hands a dead worker's jobs out again when they expire, after 2 minutes), ` +
          `${held.pendingJobs} jobs were waiting, ${held.claimedDeliveries} deliveries were claimed ('sending') in the ledger`,
      );
    }
  } finally {
    for (const child of children) await stopApp(child, 'SIGKILL');
    await connector.close();
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

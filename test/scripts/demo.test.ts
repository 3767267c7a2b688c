/**
 * `npm run demo` against temporary data folders, checked through the store:
 * the programs, people with answers the registration form would accept,
 * Alex's pairs and admin rights, sessions, ratings, goals and pairs at risk;
 * the same rows on every run with the same day; a second run that changes
 * nothing; and a clear refusal while another process (npm run dev) holds the folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import { runDemo } from '../../scripts/demo';
import { PLAYGROUND_TENANT_ID } from '../../src/config';
import { inputId, inputValue, validateRegistration } from '../../src/domain/registration';
import { createProgramHealthService } from '../../src/services/programHealth';
import { openDatabase, type Database } from '../../src/store/database';
import { lockDataDir } from '../../src/store/dataDirLock';
import { programHealthRepository } from '../../src/store/repositories/programHealth';
import { enrollments, goals, people, programs, ratings, relationships, sessions } from '../../src/store/schema';
import { createStore } from '../../src/store/store';

const NOW = new Date('2026-11-20T10:00:00Z');
const root = path.resolve(__dirname, '..', '..');

describe('npm run demo', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-demo-'));
    dirs.push(dir);
    return dir;
  };
  let dataDir: string;
  let database: Database;

  beforeAll(async () => {
    dataDir = tempDir();
    const outcome = await runDemo({ kind: 'pglite', dataDir }, { now: NOW });
    expect(outcome.kind).toBe('seeded');
    database = await openDatabase({ kind: 'pglite', dataDir });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes four programs of different types in the Playground tenant', async () => {
    const rows = await database.db.select().from(programs).where(eq(programs.tenantId, PLAYGROUND_TENANT_ID)).orderBy(asc(programs.slug));
    expect(rows.map((p) => [p.slug, p.type, p.shape])).toEqual([
      ['leadership-cohort', 'one-to-one', 'cohort'],
      ['mentoring', 'one-to-one', 'evergreen'],
      ['new-manager-peers', 'peer', 'cohort'],
      ['reverse-mentoring', 'reverse', 'evergreen'],
    ]);
  });

  it('registers a few hundred people with answers the registration form accepts', async () => {
    const [{ n }] = (await database.db.select({ n: count() }).from(people).where(eq(people.tenantId, PLAYGROUND_TENANT_ID))) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(300);
    const rows = await database.db.select({ e: enrollments, q: programs.questionnaire }).from(enrollments).innerJoin(programs, eq(programs.id, enrollments.programId));
    expect(rows.length).toBeGreaterThan(250);
    for (const { e, q } of rows) {
      const submitted = Object.fromEntries(Object.entries(e.answers).map(([id, value]) => [inputId(id), inputValue(value)]));
      const checked = validateRegistration(q, e.role, submitted);
      expect({ person: e.personId, ok: checked.ok }).toEqual({ person: e.personId, ok: true });
      if (checked.ok) expect(checked.answers).toEqual(e.answers);
    }
  });

  it('makes Alex an admin of every program, a mentee of Megan in the cohort and the mentor of Adele', async () => {
    const store = createStore(database.db);
    const alex = (await store.people.findByTeamsUserId(PLAYGROUND_TENANT_ID, 'user-id-0'))!;
    expect(alex).toMatchObject({ name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-000000000020' });
    for (const program of await store.programs.listOpen(PLAYGROUND_TENANT_ID)) {
      expect(await store.programs.isAdmin(PLAYGROUND_TENANT_ID, program.id, alex.id)).toBe(true);
    }
    const pairs = await store.relationships.listForPerson(PLAYGROUND_TENANT_ID, alex.id);
    const names = async (id: string) => (await store.people.get(PLAYGROUND_TENANT_ID, id))!.name;
    const described = await Promise.all(pairs.map(async (r) => [await names(r.mentorPersonId), await names(r.menteePersonId), r.status]));
    expect(described).toEqual(
      expect.arrayContaining([
        ['Alex Wilber', 'Adele Vance', 'active'],
        ['Megan Bowen', 'Alex Wilber', 'active'],
      ]),
    );
    const cohortPair = pairs.find((r) => r.menteePersonId === alex.id)!;
    const pairSessions = await store.sessions.listForRelationship(PLAYGROUND_TENANT_ID, cohortPair.id);
    expect(pairSessions.filter((s) => s.status === 'held').length).toBeGreaterThanOrEqual(3);
    const upcoming = pairSessions.filter((s) => s.startsAt > NOW);
    expect(upcoming).toHaveLength(1);
    expect(await store.sessions.listAgenda(PLAYGROUND_TENANT_ID, upcoming[0]!.id)).not.toHaveLength(0);
    expect(await store.goals.listForRelationship(PLAYGROUND_TENANT_ID, cohortPair.id)).not.toHaveLength(0);
  });

  it('holds months of sessions, ratings and goals, and pairs at risk for the health page', async () => {
    const db = database.db;
    const [{ n: sessionCount }] = (await db.select({ n: count() }).from(sessions)) as [{ n: number }];
    const [{ n: ratingCount }] = (await db.select({ n: count() }).from(ratings)) as [{ n: number }];
    const [{ n: goalCount }] = (await db.select({ n: count() }).from(goals)) as [{ n: number }];
    expect(sessionCount).toBeGreaterThan(400);
    expect(ratingCount).toBeGreaterThan(400);
    expect(goalCount).toBeGreaterThan(200);
    const firstSession = (await db.select({ startsAt: sessions.startsAt }).from(sessions).orderBy(asc(sessions.startsAt)).limit(1))[0]!;
    expect(NOW.getTime() - firstSession.startsAt.getTime()).toBeGreaterThan(120 * 24 * 3600_000);

    const store = createStore(db);
    const service = createProgramHealthService({ health: programHealthRepository(db), store, clock: { now: () => NOW } });
    const cohort = (await store.programs.listOpen(PLAYGROUND_TENANT_ID)).find((p) => p.slug === 'leadership-cohort')!;
    const health = await service.health(cohort, { from: '2026-05-01', to: '2026-11-20' });
    expect(health.pairs.active).toBeGreaterThan(20);
    expect(health.sessions.held).toBeGreaterThan(100);
    expect(health.rating.count).toBeGreaterThan(100);
    expect(health.atRisk.total).toBeGreaterThan(0);
    expect(health.atRisk.byReason['no-first-contact'] + health.atRisk.byReason['no-session']).toBeGreaterThan(0);
    expect(health.proposals.pending).toBeGreaterThan(0);
  });

  it('gives the same rows on every run on the same day, and changes nothing when run again', async () => {
    const other = tempDir();
    expect((await runDemo({ kind: 'pglite', dataDir: other }, { now: NOW })).kind).toBe('seeded');
    const again = await openDatabase({ kind: 'pglite', dataDir: other });
    const fingerprint = async (db: Database['db']) => ({
      relationships: (await db.select({ id: relationships.id, startedAt: relationships.startedAt }).from(relationships).orderBy(asc(relationships.id))),
      sessions: (await db.select({ id: sessions.id, status: sessions.status }).from(sessions).orderBy(asc(sessions.id))),
    });
    try {
      expect(await fingerprint(again.db)).toEqual(await fingerprint(database.db));
    } finally {
      await again.close();
    }
    const before = await fingerprint(database.db);
    await database.close();
    try {
      expect(await runDemo({ kind: 'pglite', dataDir }, { now: NOW })).toEqual({ kind: 'already-loaded' });
    } finally {
      database = await openDatabase({ kind: 'pglite', dataDir });
    }
    expect(await fingerprint(database.db)).toEqual(before);
  }, 120_000);

  it('refuses while another process holds the data folder, and says how to go on', async () => {
    const busy = tempDir();
    const unlock = lockDataDir(busy);
    try {
      const outcome = await runDemo({ kind: 'pglite', dataDir: busy }, { now: NOW });
      expect(outcome).toEqual({ kind: 'in-use', message: expect.stringContaining(`is in use by process ${process.pid}`) });
    } finally {
      unlock();
    }
    // The command itself, with "npm run dev" played by a process that holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(path.join(busy, 'tandem.lock'), String(holder.pid));
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
        cwd: root,
        env: { ...process.env, DATA_DIR: busy, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`is in use by process ${holder.pid}`);
      expect(run.stderr).toContain('If that is "npm run dev", stop it (Ctrl-C), run "npm run demo"');
      expect(fs.readdirSync(busy)).toEqual(['tandem.lock']);
    } finally {
      holder.kill();
    }
  }, 90_000);
});

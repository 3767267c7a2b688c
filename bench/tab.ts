/**
 * Tab benchmark: `npm run bench:tab`.
 *
 * 1. Builds the tabs with Vite and prints, for each entry page, the gzip size
 *    of what the browser downloads before the page can run (its scripts,
 *    preloaded modules and stylesheets), against the 150 kB target for the
 *    personal tab. Chunks loaded later (the Guides page, teams-js) are listed apart.
 * 2. Starts the app (PGlite in memory) with one pair holding 50 goals (3
 *    milestones each) and 200 sessions (3 agenda items each), and prints the
 *    p50/p95 of GET /api/v1/relationships/:id, the pair view, over 200 requests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { loadConfig, PLAYGROUND_TENANT_ID } from '../src/config';
import { startTandem } from '../src/main';
import { openDatabase } from '../src/store/database';
import { createStore } from '../src/store/store';
import { buildTab } from '../test/tab/support/buildTab';
import { seedTabPair } from '../test/tab/support/seedPair';

const PERSONAL_TARGET_KB = 150;
const GOALS = 50;
const MILESTONES_PER_GOAL = 3;
const SESSIONS = 200;
const ITEMS_PER_SESSION = 3;
const WARM_UP = 10;
const REQUESTS = 200;
const DAY = 24 * 60 * 60 * 1000;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const gzipSize = (file: string) => gzipSync(fs.readFileSync(file)).length;

function initialFiles(html: string): string[] {
  const found = [...html.matchAll(/(?:src|href)="\/tab\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return [...new Set(found)];
}

async function bundleSizes(): Promise<boolean> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-tab-bench-'));
  try {
    await buildTab(outDir);
    const entries = fs.readdirSync(outDir).filter((name) => name.endsWith('.html'));
    const initial = new Set<string>();
    let personalOk = true;
    console.log('Tab bundles (gzip, what each page loads before it runs):');
    for (const entry of entries) {
      const files = initialFiles(fs.readFileSync(path.join(outDir, entry), 'utf8'));
      files.forEach((file) => initial.add(file));
      const js = files.filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gzipSize(path.join(outDir, f)), 0);
      const css = files.filter((f) => f.endsWith('.css')).reduce((sum, f) => sum + gzipSize(path.join(outDir, f)), 0);
      const total = js + css;
      const isPersonal = entry === 'index.html';
      if (isPersonal) personalOk = total < PERSONAL_TARGET_KB * 1024;
      const verdict = isPersonal ? `  target < ${PERSONAL_TARGET_KB} kB: ${personalOk ? 'met' : 'MISSED'}` : '';
      console.log(`  ${entry.padEnd(16)} JS ${kb(js).padStart(9)}  CSS ${kb(css).padStart(8)}  total ${kb(total).padStart(9)}${verdict}`);
    }
    const later = fs
      .readdirSync(path.join(outDir, 'assets'))
      .map((name) => `assets/${name}`)
      .filter((file) => !initial.has(file) && /\.(js|css)$/.test(file));
    console.log('Loaded on demand:');
    for (const file of later) console.log(`  ${file.padEnd(40)} ${kb(gzipSize(path.join(outDir, file))).padStart(9)}`);
    return personalOk;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

async function pairViewLatency(): Promise<void> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  const app = await startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), {
    database,
    logger: pino({ level: 'silent' }),
  });
  try {
    const store = createStore(database.db);
    const tenantId = PLAYGROUND_TENANT_ID;
    const pair = await seedTabPair(store, tenantId, 'bench');
    const seeding = Date.now();
    for (let g = 0; g < GOALS; g++) {
      const goal = await store.goals.create({
        tenantId,
        relationshipId: pair.relationshipId,
        ownerPersonId: pair.mentee.id,
        title: `Goal ${g + 1}: lead a piece of work end to end`,
        measure: 'Delivered on time, with feedback from two colleagues',
      });
      for (let m = 0; m < MILESTONES_PER_GOAL; m++) await store.goals.addMilestone(tenantId, goal.id, `Milestone ${m + 1} of goal ${g + 1}`);
    }
    // The seeded pair already has two sessions; these make it 200.
    for (let s = 0; s < SESSIONS - 2; s++) {
      const startsAt = new Date(Date.now() + (s - SESSIONS / 2) * 7 * DAY);
      const session = await store.sessions.create({
        tenantId,
        relationshipId: pair.relationshipId,
        startsAt,
        endsAt: new Date(startsAt.getTime() + DAY / 24),
        status: startsAt.getTime() < Date.now() ? 'held' : 'scheduled',
        organizerPersonId: pair.mentor.id,
        joinUrl: null,
      });
      for (let i = 0; i < ITEMS_PER_SESSION; i++) await store.sessions.addAgendaItem(tenantId, session.id, pair.mentor.id, `Topic ${i + 1}`);
    }
    console.log(`\nSeeded ${GOALS} goals and ${SESSIONS} sessions in ${((Date.now() - seeding) / 1000).toFixed(1)} s.`);

    const signIn = await fetch(`${app.url}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: pair.mentee.id, tenantId }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const url = `${app.url}/api/v1/relationships/${pair.relationshipId}`;
    const get = async () => {
      const started = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
      return { ms: performance.now() - started, bytes: body.byteLength };
    };
    for (let i = 0; i < WARM_UP; i++) await get();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const result = await get();
      times.push(result.ms);
      bytes = result.bytes;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
    console.log(
      `GET /api/v1/relationships/:id (${GOALS} goals, ${SESSIONS} sessions, ${kb(bytes)} of JSON), ${REQUESTS} requests one after another:` +
        `\n  p50 ${at(0.5).toFixed(1)} ms   p95 ${at(0.95).toFixed(1)} ms   max ${times[times.length - 1]!.toFixed(1)} ms`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

async function main(): Promise<void> {
  const personalOk = await bundleSizes();
  await pairViewLatency();
  if (!personalOk) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

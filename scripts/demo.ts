/**
 * `npm run demo`: fills the local database with a realistic tenant (see
 * scripts/demo/seedDemo.ts) so both tabs have something to show.
 *
 * It writes where `npm run dev` reads: the embedded database under DATA_DIR
 * (./.data by default), or DATABASE_URL when set. The embedded database has
 * one writer, so while `npm run dev` runs on the same folder it refuses and
 * says how to go on. Run twice, it says the demo is already there and
 * changes nothing.
 */
import path from 'node:path';
import { ConfigError, loadConfig, PLAYGROUND_TENANT_ID } from '../src/config';
import { openDatabase, type DatabaseTarget } from '../src/store/database';
import { DataDirInUseError } from '../src/store/dataDirLock';
import { demoLoaded, seedDemo, type DemoSummary } from './demo/seedDemo';

export type DemoOutcome = { kind: 'seeded'; summary: DemoSummary; seconds: number } | { kind: 'already-loaded' } | { kind: 'in-use'; message: string };

export async function runDemo(target: DatabaseTarget, options: { tenantId?: string; now?: Date } = {}): Promise<DemoOutcome> {
  const tenantId = options.tenantId ?? PLAYGROUND_TENANT_ID;
  let database;
  try {
    database = await openDatabase(target);
  } catch (error) {
    if (error instanceof DataDirInUseError) return { kind: 'in-use', message: error.message };
    throw error;
  }
  try {
    if (await demoLoaded(database.db, tenantId)) return { kind: 'already-loaded' };
    const started = Date.now();
    const summary = await seedDemo(database.db, tenantId, { now: options.now ?? new Date() });
    return { kind: 'seeded', summary, seconds: (Date.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}

function describe(target: DatabaseTarget): string {
  return target.kind === 'pglite' ? `the embedded database in ${path.resolve(target.dataDir ?? '')}` : 'the PostgreSQL database at DATABASE_URL';
}

async function main(): Promise<void> {
  let target: DatabaseTarget;
  try {
    target = loadConfig().database;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const where = describe(target);
  console.log(`Filling ${where} with the demo tenant...`);
  const outcome = await runDemo(target);
  if (outcome.kind === 'in-use') {
    console.error(
      `${outcome.message}\nIf that is "npm run dev", stop it (Ctrl-C), run "npm run demo", then start "npm run dev" again.`,
    );
    process.exit(1);
  }
  if (outcome.kind === 'already-loaded') {
    console.log(
      `The demo is already in ${where}; nothing was changed.\n` +
        'To start again from scratch, stop "npm run dev", delete the data folder (or use an empty DATABASE_URL) and run "npm run demo".',
    );
    return;
  }
  const { summary, seconds } = outcome;
  console.log(`Done in ${seconds.toFixed(1)} s: ${summary.people} people, ${summary.sessions} sessions, ${summary.ratings} ratings, ${summary.goals} goals, ${summary.openFlags} pair flags.`);
  for (const p of summary.programs) {
    console.log(`  ${p.name.padEnd(32)} ${String(p.participants).padStart(4)} participants  ${String(p.pairs).padStart(4)} pairs  ${String(p.sessions).padStart(5)} sessions`);
  }
  console.log(
    '\nNow run "npm run dev" and open the Playground: you are Alex Wilber, a tenant admin, a mentee in the Leadership Cohort (mentor: Megan Bowen)\n' +
      'and mentor of Adele Vance. The tabs are at http://127.0.0.1:3978/tab/ (sign in as Alex).',
  );
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

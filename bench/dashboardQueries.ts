/**
 * Each program health query alone, on the dashboard benchmark's program:
 * `node --import tsx bench/dashboardQueries.ts`. Like bench/dashboard.ts it
 * seeds a fresh database on the PostgreSQL server at DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test) and drops it at the end. Each
 * query runs 7 times with a new 26-week range; the median and the slowest
 * are printed, to see which query a first look spends its time on.
 */
import os from 'node:os';
import { defaultProgram } from '../src/domain/defaultProgram';
import { openDatabase } from '../src/store/database';
import { programHealthRepository, type HealthWindow } from '../src/store/repositories/programHealth';
import { createStore } from '../src/store/store';
import { createScratchDatabase } from '../test/support/databases';
import { seedDashboardProgram } from './dashboardSeed';

const SERVER_URL = process.env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/test';
const TENANT = 'bench-tenant-0000-0000-000000000001';
const DAY = 24 * 3600_000;

async function main() {
  const scratch = await createScratchDatabase(SERVER_URL, 'tandem_bench');
  try {
    const database = await openDatabase({ kind: 'postgres', url: scratch.url });
    try {
      const store = createStore(database.db);
      await store.tenants.ensure(TENANT);
      const program = await store.programs.ensure(TENANT, defaultProgram);
      await seedDashboardProgram(database, TENANT, program.id);
      const repo = programHealthRepository(database.db);
      const now = new Date();
      const windowOf = (i: number): HealthWindow => ({
        tenantId: TENANT,
        programId: program.id,
        start: new Date(Math.floor(now.getTime() / DAY - 182 - i) * DAY),
        end: new Date(Math.floor(now.getTime() / DAY + 1 - i) * DAY),
        now,
      });
      const queries: [string, (w: HealthWindow) => Promise<unknown>][] = [
        ['enrollmentFigures', (w) => repo.enrollmentFigures(w)],
        ['timeToMatch', (w) => repo.timeToMatch(w)],
        ['proposalFigures', (w) => repo.proposalFigures(w)],
        ['pairFigures', (w) => repo.pairFigures(w)],
        ['sessionBreakdown', (w) => repo.sessionBreakdown(w)],
        ['ratingBreakdown', (w) => repo.ratingBreakdown(w)],
        ['goalFigures', (w) => repo.goalFigures(w)],
        ['mentorLoad', (w) => repo.mentorLoad(w.tenantId, w.programId)],
        ['openFlags', (w) => repo.openFlags(w.tenantId, w.programId)],
        ['quietPairs', (w) => repo.quietPairs(w.tenantId, w.programId, w.now, program.cadenceDays, 7)],
        ['registrationsPerWeek', (w) => repo.registrationsPerWeek(w)],
      ];
      console.log(`Load average (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores.`);
      for (const [label, run] of queries) {
        const times: number[] = [];
        for (let i = 0; i < 7; i++) {
          const started = performance.now();
          await run(windowOf(i));
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        console.log(`  ${label.padEnd(22)} median ${times[3]!.toFixed(1).padStart(7)} ms  slowest ${times[6]!.toFixed(1).padStart(7)} ms`);
      }
    } finally {
      await database.close();
    }
  } finally {
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

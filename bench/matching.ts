/**
 * Matching benchmark: `npm run bench:matching`.
 *
 * 1. The exact solver on seeded random candidate graphs, side by side with the
 *    munkres package (dense Hungarian) where a dense matrix is small enough,
 *    for every objective. Exits non-zero if the two disagree on an objective value.
 * 2. A whole pool: scoring 10,000 mentees × 5,000 mentors into a candidate
 *    graph, then solving it, against the 10 s target.
 *
 * Times are wall-clock milliseconds on this machine (other load skews them);
 * "cold" is the first run in the process, "warm" the median of the next runs.
 */
import { objectives, parseCandidateGraph, type Assignment, type Objective } from '../src/matching/candidateGraph';
import { solve } from '../src/matching/solver/solve';
import { denseCells, solveWithMunkres, type BaselineResult } from './munkresBaseline';
import { randomCandidateGraph, type GraphSize } from './randomCandidateGraph';

const SOLVE_TARGET_MS = 1_000;
const POOL_TARGET_MS = 10_000;
/** munkres is O(n³) on mentees × places; beyond this many cells it takes minutes. */
const MUNKRES_MAX_CELLS = 400 * 1_000;
const WARM_RUNS = 3;

const sizes: (GraphSize & { name: string })[] = [
  { name: 'small', mentees: 60, mentors: 30, edges: 600, maxCapacity: 3 },
  { name: 'medium', mentees: 400, mentors: 200, edges: 8_000, maxCapacity: 3 },
  { name: 'large', mentees: 2_000, mentors: 1_000, edges: 40_000, maxCapacity: 3 },
  { name: 'target', mentees: 10_000, mentors: 5_000, edges: 200_000, maxCapacity: 3 },
];

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

const figures = (result: Assignment | BaselineResult) => [String(result.matched), String(result.totalScore), String(result.minScore ?? '-')];

const agree = (a: Assignment, b: BaselineResult, objective: Objective) =>
  a.matched === b.matched && Math.abs(a.totalScore - b.totalScore) < 1e-6 && (objective !== 'max-min' || a.minScore === b.minScore);

function solverSection(): boolean {
  console.log('== Exact solver vs munkres (dense Hungarian on mentees × mentor places) ==\n');
  const rows: string[][] = [
    ['size', 'objective', 'Tandem cold', 'Tandem warm', 'target', 'matched', 'total', 'min', 'munkres', 'matched', 'total', 'min', 'check'],
  ];
  const memory: string[] = [];
  let allAgree = true;

  for (const size of sizes) {
    const graph = randomCandidateGraph(7, size);
    const label = `${size.name} ${size.mentees}×${size.mentors}, ${size.edges} edges`;
    const munkresFits = denseCells(graph) <= MUNKRES_MAX_CELLS;
    for (const objective of objectives) {
      gc?.();
      const cold = timed(() => solve(graph, objective));
      const afterCold = process.memoryUsage();
      const warm = median(Array.from({ length: WARM_RUNS }, () => timed(() => solve(graph, objective)).ms));
      const isTarget = size.name === 'target';
      const verdict = isTarget ? (Math.max(cold.ms, warm) < SOLVE_TARGET_MS ? '< 1 s ok' : '< 1 s MISSED') : '';
      let baseline = ['skipped (dense n×m too large)', '', '', ''];
      let check = '-';
      if (munkresFits) {
        const reference = timed(() => solveWithMunkres(graph, objective));
        baseline = [ms(reference.ms), ...figures(reference.value)];
        check = agree(cold.value, reference.value, objective) ? 'AGREE' : 'DISAGREE';
        if (check === 'DISAGREE') allAgree = false;
      }
      rows.push([label, objective, ms(cold.ms), ms(warm), verdict, ...figures(cold.value), ...baseline, check]);
      if (isTarget) memory.push(`  ${objective}: heap used ${mb(afterCold.heapUsed)}, RSS ${mb(afterCold.rss)} after solving`);
    }
  }
  console.log(table(rows));
  console.log(`\nMemory at the target size (process totals, graph included; peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}):`);
  console.log(memory.join('\n'));

  const target = randomCandidateGraph(7, sizes[sizes.length - 1]!);
  const json = JSON.parse(JSON.stringify(target)) as unknown;
  const validation = timed(() => parseCandidateGraph(json));
  console.log(`\nValidating the target graph from JSON (parseCandidateGraph): ${ms(validation.ms)}, ${validation.value.ok ? 'valid' : 'INVALID'}`);
  console.log(allAgree ? '\nCHECK: AGREE (every munkres run found the same objective values)' : '\nCHECK: DISAGREE');
  return allAgree;
}

async function poolSection() {
  console.log('\n== Scoring + solving a whole pool (10,000 mentees × 5,000 mentors) ==\n');
  // Loaded here so the solver section still runs while the scoring code is being changed.
  const { buildCandidateGraph } = await import('../src/matching/candidates');
  const { generateSyntheticPool } = await import('./syntheticPool');
  const pool = generateSyntheticPool(11, 10_000, 5_000);
  gc?.();
  const scoring = timed(() => buildCandidateGraph(pool.mentees, pool.mentors, pool.context));
  const { graph, pruning, excludedCount } = scoring.value;
  const afterScoring = process.memoryUsage();
  const rows: string[][] = [['objective', 'scoring', 'solving', 'total', 'target', 'matched', 'total score', 'min']];
  for (const objective of objectives) {
    const solving = timed(() => solve(graph, objective));
    const total = scoring.ms + solving.ms;
    rows.push([
      objective,
      ms(scoring.ms),
      ms(solving.ms),
      ms(total),
      total < POOL_TARGET_MS ? '< 10 s ok' : '< 10 s MISSED',
      ...figures(solving.value),
    ]);
  }
  console.log(`Candidate graph: ${graph.mentees.length} mentees, ${graph.mentors.length} mentors, ${graph.edges.length} edges, ${excludedCount} pairs excluded`);
  console.log(
    pruning === null
      ? 'Pruning: none (every scored pair is an edge)'
      : `Pruning: kept the top ${pruning.keptPerMentee} mentors per mentee and top ${pruning.keptPerMentor} mentees per mentor; ${pruning.dropped} pairs dropped (the optimum is exact on the kept edges)`,
  );
  console.log(table(rows));
  console.log(`Memory after scoring: heap used ${mb(afterScoring.heapUsed)}, RSS ${mb(afterScoring.rss)}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

async function main() {
  console.log(`Node ${process.version}${gc ? '' : ' (run with --expose-gc for steadier memory figures)'}\n`);
  const agreed = solverSection();
  let poolFailed = false;
  try {
    await poolSection();
  } catch (error) {
    // The pool section depends on scoring code that changes often; a failure there should not hide the solver's figures.
    console.log(`pool section failed: ${(error as Error).stack ?? String(error)}`);
    poolFailed = true;
  }
  if (!agreed || poolFailed) process.exitCode = 1;
}

void main();

/**
 * The same objectives solved with the munkres package (a dense Hungarian
 * algorithm), as an independent reference and a speed baseline. Rows are
 * mentees, columns are mentor places (a mentor of capacity 3 is three columns).
 * munkres minimises and fills min(rows, columns) cells, so non-edges cost 0 and
 * are dropped afterwards, and each real pair costs minus its value:
 * - max-matched: a bonus larger than any total, plus the weight;
 * - max-score: weight × (mentees + 1) + 1 for positive weights (0 otherwise),
 *   the solver's rule of breaking equal totals towards more pairs;
 * - max-min: binary search over the distinct weights, with munkres on
 *   "weight ≥ t" as the test of how many can still be matched, then max-matched
 *   on those edges.
 */
import munkres from 'munkres';
import type { CandidateGraph, Objective } from '../src/matching/candidateGraph';

const SCALE = 10_000;

export interface BaselineResult {
  matched: number;
  totalScore: number;
  minScore: number | null;
}

interface DenseProblem {
  columns: string[];
  /** weight of (mentee row, column), -1 where there is no edge. */
  weights: Float64Array[];
  scores: Float64Array[];
}

function dense(graph: CandidateGraph): DenseProblem {
  const columns = graph.mentors.flatMap((m) => Array.from({ length: m.capacity }, () => m.id));
  const columnsOf = new Map<string, number[]>();
  columns.forEach((id, c) => columnsOf.set(id, [...(columnsOf.get(id) ?? []), c]));
  const rowOf = new Map(graph.mentees.map((m, i) => [m.id, i]));
  const weights = graph.mentees.map(() => new Float64Array(columns.length).fill(-1));
  const scores = graph.mentees.map(() => new Float64Array(columns.length));
  for (const edge of graph.edges) {
    const row = rowOf.get(edge.mentee)!;
    for (const c of columnsOf.get(edge.mentor) ?? []) {
      weights[row]![c] = Math.round(edge.score * SCALE);
      scores[row]![c] = edge.score;
    }
  }
  return { columns, weights, scores };
}

/** Maximises the sum of value(weight) over real pairs; value must be > 0 for a pair to count. */
function assign(problem: DenseProblem, value: (weight: number) => number, minWeight: number): BaselineResult {
  const costs = problem.weights.map((row) => Array.from(row, (w) => (w >= minWeight && w >= 0 && value(w) > 0 ? -value(w) : 0)));
  const chosen = costs.length > 0 && problem.columns.length > 0 ? munkres(costs) : [];
  const used = chosen.filter(([r, c]) => costs[r]![c]! < 0).map(([r, c]) => problem.scores[r]![c]!);
  return {
    matched: used.length,
    totalScore: Math.round(used.reduce((sum, s) => sum + s, 0) * SCALE) / SCALE,
    minScore: used.length > 0 ? Math.min(...used) : null,
  };
}

export function solveWithMunkres(graph: CandidateGraph, objective: Objective): BaselineResult {
  const problem = dense(graph);
  const mentees = graph.mentees.length;
  const maxMatched = (minWeight: number) => assign(problem, (w) => 100 * SCALE * mentees + 1 + w, minWeight);
  if (objective === 'max-matched') return maxMatched(0);
  if (objective === 'max-score') return assign(problem, (w) => (w > 0 ? w * (mentees + 1) + 1 : 0), 0);

  const most = assign(problem, () => 1, 0).matched;
  const weights = [...new Set(graph.edges.map((e) => Math.round(e.score * SCALE)))].sort((a, b) => a - b);
  if (most === 0) return { matched: 0, totalScore: 0, minScore: null };
  let low = 0;
  let high = weights.length;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (assign(problem, () => 1, weights[mid]!).matched === most) low = mid;
    else high = mid;
  }
  return maxMatched(weights[low]!);
}

/** Cells in the dense matrix munkres would work on. */
export const denseCells = (graph: CandidateGraph) => graph.mentees.length * graph.mentors.reduce((sum, m) => sum + m.capacity, 0);

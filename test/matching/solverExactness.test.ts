/**
 * The solver against two independent references: a brute-force enumeration of
 * every feasible assignment on small graphs (all three objectives), and the
 * munkres package's dense Hungarian algorithm on medium graphs, with each
 * mentor expanded into one column per place.
 */
import fc from 'fast-check';
import munkres from 'munkres';
import { objectives, type Assignment, type CandidateGraph, type Objective } from '../../src/matching/candidateGraph';
import { solve } from '../../src/matching/solver/solve';

/** Scores in tests are whole hundredths, so every total below is an exact integer count of hundredths. */
const cents = (score: number) => Math.round(score * 100);

interface Outcome {
  matched: number;
  totalCents: number;
  minCents: number | null;
}

/** Larger is better, compared left to right. */
function preference(objective: Objective, outcome: Outcome): number[] {
  switch (objective) {
    case 'max-matched':
      return [outcome.matched, outcome.totalCents];
    case 'max-score':
      return [outcome.totalCents, outcome.matched];
    case 'max-min':
      return [outcome.matched, outcome.minCents ?? -1, outcome.totalCents];
  }
}

const better = (a: number[], b: number[]) => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!;
  return false;
};

/** Tries every way of giving each mentee one of its edges or none. max-score never uses a pair scoring 0 (the solver's documented rule). */
function bruteForceBest(graph: CandidateGraph, objective: Objective): Outcome {
  const options = graph.mentees.map((mentee) =>
    graph.edges.filter((e) => e.mentee === mentee.id && (objective !== 'max-score' || e.score > 0)),
  );
  const load = new Map(graph.mentors.map((m) => [m.id, 0]));
  const capacity = new Map(graph.mentors.map((m) => [m.id, m.capacity]));
  let best: Outcome = { matched: 0, totalCents: 0, minCents: null };
  const chosen: number[] = [];

  const visit = (i: number) => {
    if (i === graph.mentees.length) {
      const outcome: Outcome = {
        matched: chosen.length,
        totalCents: chosen.reduce((sum, c) => sum + c, 0),
        minCents: chosen.length > 0 ? Math.min(...chosen) : null,
      };
      if (better(preference(objective, outcome), preference(objective, best))) best = outcome;
      return;
    }
    visit(i + 1);
    for (const edge of options[i]!) {
      const used = load.get(edge.mentor)!;
      if (used >= capacity.get(edge.mentor)!) continue;
      load.set(edge.mentor, used + 1);
      chosen.push(cents(edge.score));
      visit(i + 1);
      chosen.pop();
      load.set(edge.mentor, used);
    }
  };
  visit(0);
  return best;
}

/** Every pair is an edge with its score, nobody is paired twice, no mentor over capacity, and the summary matches the pairs. */
function expectFeasible(graph: CandidateGraph, assignment: Assignment) {
  const edgeScore = new Map(graph.edges.map((e) => [`${e.mentee}\u0000${e.mentor}`, e.score]));
  const capacity = new Map(graph.mentors.map((m) => [m.id, m.capacity]));
  const load = new Map<string, number>();
  const seen = new Set<string>();
  for (const pair of assignment.pairs) {
    expect(edgeScore.get(`${pair.mentee}\u0000${pair.mentor}`)).toBe(pair.score);
    expect(seen.has(pair.mentee)).toBe(false);
    seen.add(pair.mentee);
    load.set(pair.mentor, (load.get(pair.mentor) ?? 0) + 1);
    expect(load.get(pair.mentor)!).toBeLessThanOrEqual(capacity.get(pair.mentor)!);
  }
  const menteeOrder = assignment.pairs.map((p) => p.mentee);
  expect(menteeOrder).toEqual([...menteeOrder].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  expect(assignment.matched).toBe(assignment.pairs.length);
  expect(cents(assignment.totalScore)).toBe(assignment.pairs.reduce((sum, p) => sum + cents(p.score), 0));
  expect(assignment.minScore).toBe(assignment.pairs.length > 0 ? Math.min(...assignment.pairs.map((p) => p.score)) : null);
}

/** Scores in hundredths, mostly from a few values that add up alike (25 + 75 = 50 + 50 = 100) so ties and zero pairs come up. */
const scoreArb = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 10_000 }).map((c) => c / 100), weight: 1 },
  { arbitrary: fc.constantFrom(0, 25, 50, 73.35, 75, 100), weight: 2 },
);

interface GraphBounds {
  mentees: [number, number];
  mentors: [number, number];
  maxCapacity: number;
  edgeChance: number;
}

const graphArb = ({ mentees: [minMentees, maxMentees], mentors: [minMentors, maxMentors], maxCapacity, edgeChance }: GraphBounds) =>
  fc
    .record({
      menteeCount: fc.integer({ min: minMentees, max: maxMentees }),
      capacities: fc.array(fc.integer({ min: 0, max: maxCapacity }), { minLength: minMentors, maxLength: maxMentors }),
    })
    .chain(({ menteeCount, capacities }) =>
      fc
        .array(
          fc
            .record({ percentile: fc.integer({ min: 0, max: 99 }), score: scoreArb })
            .map(({ percentile, score }) => (percentile < edgeChance * 100 ? score : null)),
          {
            minLength: menteeCount * capacities.length,
            maxLength: menteeCount * capacities.length,
          },
        )
        .map((cells): CandidateGraph => {
          const mentees = Array.from({ length: menteeCount }, (_, i) => ({ id: `e${i}` }));
          const mentors = capacities.map((capacity, j) => ({ id: `m${j}`, capacity }));
          const edges = cells.flatMap((score, k) =>
            score === null ? [] : [{ mentee: `e${Math.floor(k / capacities.length)}`, mentor: `m${k % capacities.length}`, score }],
          );
          return { mentees, mentors, edges };
        }),
    );

const smallGraph = graphArb({ mentees: [0, 6], mentors: [0, 4], maxCapacity: 3, edgeChance: 0.6 });
const mediumGraph = graphArb({ mentees: [40, 60], mentors: [20, 30], maxCapacity: 3, edgeChance: 0.15 });

describe('solve matches brute force on small graphs', () => {
  it.each(objectives)('%s: same matched count, total and (for max-min) lowest score as the best enumerated assignment', (objective) => {
    fc.assert(
      fc.property(smallGraph, (graph) => {
        const assignment = solve(graph, objective);
        expectFeasible(graph, assignment);
        const best = bruteForceBest(graph, objective);
        expect(assignment.matched).toBe(best.matched);
        expect(Math.abs(assignment.totalScore - best.totalCents / 100)).toBeLessThan(1e-6);
        if (objective === 'max-min') expect(assignment.minScore === null ? null : cents(assignment.minScore)).toBe(best.minCents);
        if (objective === 'max-score') expect(assignment.pairs.every((p) => p.score > 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same assignment whatever order mentees, mentors and edges are listed in', () => {
    fc.assert(
      fc.property(smallGraph, fc.constantFrom(...objectives), (graph, objective) => {
        const reversed: CandidateGraph = {
          mentees: [...graph.mentees].reverse(),
          mentors: [...graph.mentors].reverse(),
          edges: [...graph.edges].reverse(),
        };
        expect(solve(reversed, objective)).toEqual(solve(graph, objective));
      }),
      { numRuns: 200 },
    );
  });
});

describe('solve agrees with the munkres Hungarian algorithm on medium graphs', () => {
  /**
   * Rows are mentees, columns are mentor places. munkres minimises and always fills
   * min(rows, columns) cells, so non-edges cost 0 and are dropped afterwards; real pairs
   * cost minus their value, which for max-matched carries a bonus larger than any total
   * and for max-score a tie-break of one per pair (as the solver does).
   */
  function munkresOutcome(graph: CandidateGraph, objective: 'max-matched' | 'max-score'): Outcome {
    const columns = graph.mentors.flatMap((m) => Array.from({ length: m.capacity }, () => m.id));
    const scoreOf = new Map(graph.edges.map((e) => [`${e.mentee}\u0000${e.mentor}`, cents(e.score)]));
    const matchBonus = 10_000 * graph.mentees.length + 1;
    const value = (c: number) => (objective === 'max-matched' ? matchBonus + c : c > 0 ? c * (graph.mentees.length + 1) + 1 : 0);
    const costs = graph.mentees.map((mentee) =>
      columns.map((mentor) => {
        const c = scoreOf.get(`${mentee.id}\u0000${mentor}`);
        return c === undefined ? 0 : -value(c);
      }),
    );
    const chosen = costs.length > 0 && columns.length > 0 ? munkres(costs) : [];
    const used = chosen
      .filter(([row, column]) => costs[row]![column]! < 0)
      .map(([row, column]) => scoreOf.get(`${graph.mentees[row]!.id}\u0000${columns[column]!}`)!);
    return {
      matched: used.length,
      totalCents: used.reduce((sum, c) => sum + c, 0),
      minCents: used.length > 0 ? Math.min(...used) : null,
    };
  }

  it.each(['max-matched', 'max-score'] as const)('%s: same matched count and total', (objective) => {
    fc.assert(
      fc.property(mediumGraph, (graph) => {
        const assignment = solve(graph, objective);
        expectFeasible(graph, assignment);
        const reference = munkresOutcome(graph, objective);
        expect(assignment.matched).toBe(reference.matched);
        expect(cents(assignment.totalScore)).toBe(reference.totalCents);
      }),
      { numRuns: 40 },
    );
  });
});

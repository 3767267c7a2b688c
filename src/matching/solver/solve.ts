/**
 * The exact best assignment for an objective. Each objective is one
 * minimum-cost assignment whose integer costs encode its order of preference:
 *
 * - max-matched: most mentees matched, then highest total score. Leaving a
 *   mentee unmatched costs more than any total can make up.
 * - max-score: highest total score, then most mentees matched. Pairs scoring 0
 *   are never used: they add nothing and would only put people in a pair with
 *   no compatibility (a score below 0.00005 counts as 0, see SCORE_SCALE).
 * - max-min: among assignments matching the most mentees, the highest lowest
 *   pair score, then the highest total. The lowest score is found by binary
 *   search over the distinct scores, testing each with a maximum-cardinality
 *   matching; then max-matched runs on the edges at or above it.
 *
 * Scores are compared at SCORE_SCALE resolution; reported scores and totals
 * come from the original scores. Among equally good assignments the choice
 * depends only on the graph (ids in code-unit order), not on input order.
 */
import type { Assignment, CandidateGraph, Objective, Pair } from '../candidateGraph';
import { filterEdges, indexGraph, type IndexedGraph } from './indexedGraph';
import { maxCardinalityMatching } from './maxCardinality';
import { minCostAssignment, type EdgeOfMentee } from './minCostAssignment';

/** Totals are rounded to this many decimals so float sums print as 147, not 147.00000000000003. */
const TOTAL_DECIMALS = 4;

export function solve(graph: CandidateGraph, objective: Objective): Assignment {
  const indexed = indexGraph(graph);
  switch (objective) {
    case 'max-matched':
      return toAssignment(indexed, maxMatched(indexed));
    case 'max-score': {
      const positive = filterEdges(indexed, (e) => indexed.edgeWeight[e]! > 0);
      return toAssignment(positive, maxScore(positive));
    }
    case 'max-min': {
      const threshold = bestLowestWeight(indexed);
      if (threshold === null) return toAssignment(indexed, new Int32Array(indexed.menteeIds.length).fill(-1));
      const atOrAbove = filterEdges(indexed, (e) => indexed.edgeWeight[e]! >= threshold);
      return toAssignment(atOrAbove, maxMatched(atOrAbove));
    }
  }
}

function maxWeight(graph: IndexedGraph): number {
  let max = 0;
  for (const w of graph.edgeWeight) if (w > max) max = w;
  return max;
}

function maxMatched(graph: IndexedGraph): EdgeOfMentee {
  // One more mentee matched must outweigh any difference in total: totals are at most maxWeight × mentees.
  const unmatchedCost = maxWeight(graph) * graph.menteeIds.length + 1;
  const cost = Float64Array.from(graph.edgeWeight, (w) => -w);
  return minCostAssignment(graph, cost, unmatchedCost);
}

/** Expects only positive-weight edges. */
function maxScore(graph: IndexedGraph): EdgeOfMentee {
  // Each pair earns 1 on top of its weight × (mentees + 1): the extra can break ties in total, never outweigh one unit of it.
  const pairBonusScale = graph.menteeIds.length + 1;
  // Path costs and potentials can reach a few × mentees × the largest arc cost; keep them far from 2^53.
  if (maxWeight(graph) * pairBonusScale * pairBonusScale >= Number.MAX_SAFE_INTEGER / 8) {
    throw new RangeError(`max-score is exact up to about 30,000 mentees; this graph has ${graph.menteeIds.length}`);
  }
  const cost = Float64Array.from(graph.edgeWeight, (w) => -(w * pairBonusScale + 1));
  return minCostAssignment(graph, cost, 0);
}

/** The highest weight w such that the edges of weight ≥ w still match as many mentees as all edges do; null if none can be matched. */
function bestLowestWeight(graph: IndexedGraph): number | null {
  const weights = Int32Array.from(new Set(graph.edgeWeight)).sort();
  const lowest = weights[0];
  if (lowest === undefined) return null;
  const all = maxCardinalityMatching(graph, lowest);
  const most = countMatched(all);
  if (most === 0) return null;

  // weights[low] is known to keep `most`; weights[high] (if in range) is known not to.
  let low = 0;
  let high = weights.length;
  // A matching found for a failing threshold is valid for every lower one, so it seeds the next test.
  let seed: EdgeOfMentee | undefined;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    const matching = maxCardinalityMatching(graph, weights[mid]!, seed);
    if (countMatched(matching) === most) low = mid;
    else {
      high = mid;
      seed = matching;
    }
  }
  return weights[low]!;
}

function countMatched(menteeEdge: EdgeOfMentee): number {
  let matched = 0;
  for (const e of menteeEdge) if (e >= 0) matched++;
  return matched;
}

function toAssignment(graph: IndexedGraph, menteeEdge: EdgeOfMentee): Assignment {
  const pairs: Pair[] = [];
  let total = 0;
  let minScore: number | null = null;
  for (let i = 0; i < menteeEdge.length; i++) {
    const e = menteeEdge[i]!;
    if (e < 0) continue;
    const score = graph.edgeScore[e]!;
    pairs.push({ mentee: graph.menteeIds[i]!, mentor: graph.mentorIds[graph.edgeMentor[e]!]!, score });
    total += score;
    if (minScore === null || score < minScore) minScore = score;
  }
  const rounding = 10 ** TOTAL_DECIMALS;
  return { pairs, matched: pairs.length, totalScore: Math.round(total * rounding) / rounding, minScore };
}

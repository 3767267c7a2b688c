/**
 * The candidate graph as numbers: mentees and mentors become indexes in id
 * order, and each mentee's edges sit in one compressed row (CSR), ordered by
 * mentor index. Working from the ids' order rather than the input's makes the
 * chosen assignment depend only on the graph, not on how it was listed.
 */
import type { CandidateGraph } from '../candidateGraph';

/**
 * Scores are optimised as whole numbers of ten-thousandths so that sums and
 * comparisons are exact; two scores closer than 0.0001 count as equal.
 */
export const SCORE_SCALE = 10_000;

export interface IndexedGraph {
  menteeIds: string[];
  mentorIds: string[];
  /** Mentees a mentor can take; never more than the edges it has. */
  capacity: Int32Array;
  /** Mentee i's edges are rowStart[i] .. rowStart[i + 1] - 1. */
  rowStart: Int32Array;
  edgeMentor: Int32Array;
  /** round(score × SCORE_SCALE). */
  edgeWeight: Int32Array;
  edgeScore: Float64Array;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function indexOf(ids: string[]): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  return index;
}

/** Expects a graph that passed parseCandidateGraph (known ids, one edge per pair). */
export function indexGraph(graph: CandidateGraph): IndexedGraph {
  const menteeIds = graph.mentees.map((m) => m.id).sort(byCodeUnits);
  const sortedMentors = [...graph.mentors].sort((a, b) => byCodeUnits(a.id, b.id));
  const mentorIds = sortedMentors.map((m) => m.id);
  const menteeIndex = indexOf(menteeIds);
  const mentorIndex = indexOf(mentorIds);

  const edgeCount = graph.edges.length;
  const menteeOf = new Int32Array(edgeCount);
  const mentorOf = new Int32Array(edgeCount);
  graph.edges.forEach((edge, e) => {
    const mentee = menteeIndex.get(edge.mentee);
    const mentor = mentorIndex.get(edge.mentor);
    if (mentee === undefined || mentor === undefined) {
      throw new Error(`edges[${e}] names an unknown mentee or mentor; validate the graph with parseCandidateGraph first`);
    }
    menteeOf[e] = mentee;
    mentorOf[e] = mentor;
  });

  // Two stable counting sorts (by mentor, then by mentee) give rows ordered by mentor in linear time.
  const byMentor = countingOrder(mentorOf, mentorIds.length, identityOrder(edgeCount));
  const order = countingOrder(menteeOf, menteeIds.length, byMentor);

  const rowStart = new Int32Array(menteeIds.length + 1);
  for (let e = 0; e < edgeCount; e++) rowStart[menteeOf[e]! + 1]!++;
  for (let i = 0; i < menteeIds.length; i++) rowStart[i + 1]! += rowStart[i]!;

  const edgeMentor = new Int32Array(edgeCount);
  const edgeWeight = new Int32Array(edgeCount);
  const edgeScore = new Float64Array(edgeCount);
  const degree = new Int32Array(mentorIds.length);
  for (let k = 0; k < edgeCount; k++) {
    const e = order[k]!;
    const edge = graph.edges[e]!;
    edgeMentor[k] = mentorOf[e]!;
    edgeWeight[k] = Math.round(edge.score * SCORE_SCALE);
    edgeScore[k] = edge.score;
    degree[mentorOf[e]!]!++;
  }
  const capacity = Int32Array.from(sortedMentors, (m, j) => Math.min(m.capacity, degree[j]!));
  return { menteeIds, mentorIds, capacity, rowStart, edgeMentor, edgeWeight, edgeScore };
}

function identityOrder(length: number): Int32Array {
  const order = new Int32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  return order;
}

/** Reorders `order` stably by key[item]. */
function countingOrder(key: Int32Array, keyCount: number, order: Int32Array): Int32Array {
  const start = new Int32Array(keyCount + 1);
  for (let k = 0; k < order.length; k++) start[key[order[k]!]! + 1]!++;
  for (let v = 0; v < keyCount; v++) start[v + 1]! += start[v]!;
  const sorted = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) {
    const item = order[k]!;
    sorted[start[key[item]!]!++] = item;
  }
  return sorted;
}

/** The same graph keeping only the edges `keep` accepts (edge indexes refer to `graph`). */
export function filterEdges(graph: IndexedGraph, keep: (edge: number) => boolean): IndexedGraph {
  const rows = graph.menteeIds.length;
  const rowStart = new Int32Array(rows + 1);
  const kept: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let e = graph.rowStart[i]!; e < graph.rowStart[i + 1]!; e++) if (keep(e)) kept.push(e);
    rowStart[i + 1] = kept.length;
  }
  const edgeMentor = Int32Array.from(kept, (e) => graph.edgeMentor[e]!);
  const degree = new Int32Array(graph.mentorIds.length);
  for (let k = 0; k < edgeMentor.length; k++) degree[edgeMentor[k]!]!++;
  return {
    menteeIds: graph.menteeIds,
    mentorIds: graph.mentorIds,
    capacity: Int32Array.from(graph.capacity, (c, j) => Math.min(c, degree[j]!)),
    rowStart,
    edgeMentor,
    edgeWeight: Int32Array.from(kept, (e) => graph.edgeWeight[e]!),
    edgeScore: Float64Array.from(kept, (e) => graph.edgeScore[e]!),
  };
}

/**
 * Exact minimum-cost assignment of mentees to mentors under mentor capacities,
 * where a mentee may also stay unassigned at a fixed cost.
 *
 * As a flow: each mentee sends one unit either to a mentor (edge cost) or
 * straight to the sink (the unassigned cost); each mentor passes up to its
 * capacity to the sink. Mentees are added one at a time (Jonker–Volgenant's
 * augmentation, generalised to capacities): a Dijkstra search on reduced costs
 * from the new mentee stops at the first way into the sink (a mentor with a free
 * place, or pushing some mentee out to unassigned), the path is flipped, and only
 * the potentials of the nodes the search settled move. After each step the
 * assignment of the mentees added so far is optimal, so the last one is.
 *
 * Costs must be integers (the caller scales scores) so every sum is exact in a
 * double; the caller keeps path costs well below 2^52 (heap keys double them).
 */
import type { IndexedGraph } from './indexedGraph';
import { mentorSlots } from './mentorSlots';

/** Which edge each mentee uses, or -1 for unassigned. */
export type EdgeOfMentee = Int32Array;

/** Lazy binary min-heap of (key, node); stale entries are skipped by the caller. */
class NodeHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(initialCapacity: number) {
    this.keys = new Float64Array(Math.max(16, initialCapacity));
    this.nodes = new Int32Array(Math.max(16, initialCapacity));
  }

  clear() {
    this.size = 0;
  }

  push(key: number, node: number) {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const nodes = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = keys[parent]!;
      if (parentKey <= key) break;
      keys[i] = parentKey;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  /** Removes the smallest entry and returns its node (read topKey first). */
  pop(): number {
    const keys = this.keys;
    const nodes = this.nodes;
    const top = nodes[0]!;
    const last = --this.size;
    const key = keys[last]!;
    const node = nodes[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      nodes[i] = nodes[child]!;
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }

  private grow() {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    this.nodes = nodes;
  }
}

/**
 * Node numbering: mentees 0..rows-1, mentors rows..rows+mentors-1, then the sink.
 * Reduced cost of a residual arc a→b with cost c is c + potential[a] - potential[b] ≥ 0.
 */
export function minCostAssignment(graph: IndexedGraph, edgeCost: Float64Array, unassignedCost: number): EdgeOfMentee {
  const rows = graph.menteeIds.length;
  const mentors = graph.mentorIds.length;
  const { rowStart, edgeMentor, capacity } = graph;
  const sink = rows + mentors;
  const nodeCount = sink + 1;

  const slots = mentorSlots(capacity, rows);
  const { slotStart, slotMentee, load } = slots;
  const addMentee = slots.add;
  const removeMentee = slots.remove;
  const menteeEdge = new Int32Array(rows).fill(-1);

  const potential = new Float64Array(nodeCount);
  const dist = new Float64Array(nodeCount);
  const reachedIn = new Int32Array(nodeCount); // search number in which a mentor's dist was set
  const settledIn = new Int32Array(nodeCount);
  const predNode = new Int32Array(nodeCount);
  const predEdge = new Int32Array(nodeCount); // for mentors: the mentee's edge that reached them
  const settled = new Int32Array(nodeCount);
  let largestCapacity = 1;
  for (const c of capacity) if (c > largestCapacity) largestCapacity = c;
  const pending = new Int32Array(largestCapacity); // the mentees of one mentor, settled with it
  const heap = new NodeHeap(1024);

  for (let source = 0; source < rows; source++) {
    const search = source + 1;

    // A new mentee has no arcs into it yet, so any potential making its own arcs non-negative keeps the invariant.
    let sourcePotential = potential[sink]! - unassignedCost;
    for (let e = rowStart[source]!; e < rowStart[source + 1]!; e++) {
      const p = potential[rows + edgeMentor[e]!]! - edgeCost[e]!;
      if (p > sourcePotential) sourcePotential = p;
    }
    potential[source] = sourcePotential;

    heap.clear();
    let settledCount = 0;
    // Nothing at or beyond the sink's tentative distance can be on a shorter path, so it is never queued.
    // Heap keys are 2 × distance, + 1 for mentors: on equal distance the sink comes out first, which
    // ends the search early when many paths tie (all scores equal, say).
    let sinkDist = Infinity;
    // A held mentee's only way in is from its mentor, at reduced cost 0 (held arcs stay tight), so it is
    // settled together with that mentor instead of going through the heap.
    let d = 0;
    pending[0] = source;
    let pendingCount = 1;

    for (;;) {
      for (let q = 0; q < pendingCount; q++) {
        const r = pending[q]!;
        dist[r] = d;
        settled[settledCount++] = r;
        const pr = potential[r]!;
        const own = menteeEdge[r]!;
        for (let e = rowStart[r]!; e < rowStart[r + 1]!; e++) {
          if (e === own) continue;
          const j = rows + edgeMentor[e]!;
          if (settledIn[j] === search) continue;
          const nd = d + edgeCost[e]! + pr - potential[j]!;
          if (nd < sinkDist && (reachedIn[j] !== search || nd < dist[j]!)) {
            dist[j] = nd;
            reachedIn[j] = search;
            predNode[j] = r;
            predEdge[j] = e;
            heap.push(nd * 2 + 1, j);
          }
        }
        const nd = d + unassignedCost + pr - potential[sink]!;
        if (nd < sinkDist) {
          sinkDist = nd;
          dist[sink] = nd;
          predNode[sink] = r;
          heap.push(nd * 2, sink);
        }
      }
      pendingCount = 0;

      // The source's arc to the sink always exists, so the heap holds the sink until it is settled.
      let x: number;
      do {
        const key = heap.topKey();
        x = heap.pop();
        d = (key - (x === sink ? 0 : 1)) / 2;
      } while (settledIn[x] === search || d > dist[x]!);
      settledIn[x] = search;
      settled[settledCount++] = x;
      if (x === sink) break;

      const mentor = x - rows;
      if (load[mentor]! < capacity[mentor]!) {
        const nd = d + potential[x]! - potential[sink]!;
        if (nd < sinkDist) {
          sinkDist = nd;
          dist[sink] = nd;
          predNode[sink] = x;
          heap.push(nd * 2, sink);
        }
      }
      const end = slotStart[mentor]! + load[mentor]!;
      for (let slot = slotStart[mentor]!; slot < end; slot++) {
        const r = slotMentee[slot]!;
        predNode[r] = x;
        pending[pendingCount++] = r;
      }
    }

    const delta = dist[sink]!;
    for (let k = 0; k < settledCount; k++) {
      const x = settled[k]!;
      potential[x]! += dist[x]! - delta;
    }

    // Flip the path, walking back from the sink.
    let x = predNode[sink]!;
    if (x < rows) {
      if (x === source) continue; // the new mentee stays unassigned
      const mentor = predNode[x]! - rows;
      removeMentee(mentor, x);
      menteeEdge[x] = -1;
      x = mentor + rows;
    }
    for (;;) {
      const mentor = x - rows;
      const mentee = predNode[x]!;
      const previous = menteeEdge[mentee]!;
      if (previous >= 0) removeMentee(edgeMentor[previous]!, mentee);
      addMentee(mentor, mentee);
      menteeEdge[mentee] = predEdge[x]!;
      if (mentee === source) break;
      x = predNode[mentee]!;
    }
  }
  return menteeEdge;
}

/**
 * Most mentees matched, ignoring scores except as a filter: Hopcroft–Karp
 * generalised to mentor capacities (a mentor with a free place ends an
 * augmenting path; a full one passes the search on to the mentees it holds).
 * Used by max-min to test thresholds, so it takes a minimum edge weight
 * instead of a filtered copy of the graph, and can start from a matching found
 * for a higher threshold (still valid at a lower one).
 */
import type { IndexedGraph } from './indexedGraph';
import type { EdgeOfMentee } from './minCostAssignment';
import { mentorSlots } from './mentorSlots';

const UNREACHED = 0x7fffffff;

export function maxCardinalityMatching(graph: IndexedGraph, minWeight: number, start?: EdgeOfMentee): EdgeOfMentee {
  const rows = graph.menteeIds.length;
  const { rowStart, edgeMentor, edgeWeight, capacity } = graph;

  const slots = mentorSlots(capacity, rows);
  const { slotStart, slotMentee, load } = slots;
  const addMentee = slots.add;
  const removeMentee = slots.remove;
  const menteeEdge = new Int32Array(rows).fill(-1);

  if (start) {
    for (let i = 0; i < rows; i++) {
      const e = start[i]!;
      if (e >= 0 && edgeWeight[e]! >= minWeight) {
        menteeEdge[i] = e;
        addMentee(edgeMentor[e]!, i);
      }
    }
  }
  // Greedy first: most mentees find a free place directly, leaving few searches.
  for (let i = 0; i < rows; i++) {
    if (menteeEdge[i]! >= 0) continue;
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const j = edgeMentor[e]!;
      if (edgeWeight[e]! >= minWeight && load[j]! < capacity[j]!) {
        menteeEdge[i] = e;
        addMentee(j, i);
        break;
      }
    }
  }

  const layer = new Int32Array(rows);
  const queue = new Int32Array(rows);
  const next = new Int32Array(rows); // each mentee's next edge to try in this phase
  const stack = new Int32Array(rows);
  const stackEdge = new Int32Array(rows);

  for (;;) {
    // Breadth-first layers from every unmatched mentee; stop at the layer that reaches a free place.
    let head = 0;
    let tail = 0;
    for (let i = 0; i < rows; i++) {
      if (menteeEdge[i]! < 0) {
        layer[i] = 0;
        queue[tail++] = i;
      } else layer[i] = UNREACHED;
    }
    let freeLayer = UNREACHED;
    while (head < tail) {
      const x = queue[head++]!;
      if (layer[x]! >= freeLayer) break;
      for (let e = rowStart[x]!; e < rowStart[x + 1]!; e++) {
        if (edgeWeight[e]! < minWeight) continue;
        const j = edgeMentor[e]!;
        if (load[j]! < capacity[j]!) {
          freeLayer = layer[x]!;
          continue;
        }
        for (let slot = slotStart[j]!; slot < slotStart[j]! + load[j]!; slot++) {
          const r = slotMentee[slot]!;
          if (layer[r] === UNREACHED) {
            layer[r] = layer[x]! + 1;
            queue[tail++] = r;
          }
        }
      }
    }
    if (freeLayer === UNREACHED) return menteeEdge;

    // Depth-first along the layers, one augmenting path per unmatched mentee at most.
    for (let i = 0; i < rows; i++) next[i] = rowStart[i]!;
    let augmented = false;
    for (let root = 0; root < rows; root++) {
      if (menteeEdge[root]! >= 0 || layer[root] !== 0) continue;
      let depth = 0;
      stack[0] = root;
      while (depth >= 0) {
        const x = stack[depth]!;
        let pushed = false;
        let freeEdge = -1;
        for (; next[x]! < rowStart[x + 1]!; next[x]!++) {
          const e = next[x]!;
          if (edgeWeight[e]! < minWeight || e === menteeEdge[x]) continue;
          const j = edgeMentor[e]!;
          if (load[j]! < capacity[j]!) {
            freeEdge = e;
            break;
          }
          for (let slot = slotStart[j]!; slot < slotStart[j]! + load[j]!; slot++) {
            const r = slotMentee[slot]!;
            if (layer[r] === layer[x]! + 1) {
              stackEdge[depth] = e;
              stack[++depth] = r;
              pushed = true;
              break;
            }
          }
          if (pushed) break;
        }
        if (freeEdge >= 0) {
          // Each mentee on the path moves to the mentor it points at, from the end backwards.
          stackEdge[depth] = freeEdge;
          for (let k = depth; k >= 0; k--) {
            const mentee = stack[k]!;
            const previous = menteeEdge[mentee]!;
            if (previous >= 0) removeMentee(edgeMentor[previous]!, mentee);
            const e = stackEdge[k]!;
            addMentee(edgeMentor[e]!, mentee);
            menteeEdge[mentee] = e;
            layer[mentee] = UNREACHED; // used this phase
          }
          augmented = true;
          break;
        }
        if (!pushed) {
          layer[x] = UNREACHED; // dead end for the rest of this phase
          depth--;
        }
      }
    }
    if (!augmented) return menteeEdge;
  }
}

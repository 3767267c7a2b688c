/**
 * Seeded synthetic candidate graphs for the solver benchmark: the same seed
 * gives the same graph on every machine, so figures can be compared run to run.
 */
import type { CandidateGraph } from '../src/matching/candidateGraph';
import { seededRandom } from './seededRandom';

export interface GraphSize {
  mentees: number;
  mentors: number;
  edges: number;
  /** Capacities are drawn uniformly from 1..maxCapacity. */
  maxCapacity: number;
}

const padded = (prefix: string, i: number, count: number) => `${prefix}${String(i).padStart(String(count).length, '0')}`;

/**
 * Each mentee gets about edges / mentees distinct mentors; a quarter of the
 * mentors are twice as likely to be picked, as popular mentors are in real
 * programs. Scores have two decimals.
 */
export function randomCandidateGraph(seed: number, size: GraphSize): CandidateGraph {
  const random = seededRandom(seed);
  const mentees = Array.from({ length: size.mentees }, (_, i) => ({ id: padded('e', i, size.mentees) }));
  const mentors = Array.from({ length: size.mentors }, (_, j) => ({
    id: padded('m', j, size.mentors),
    capacity: 1 + Math.floor(random() * size.maxCapacity),
  }));
  const popular = Math.max(1, Math.floor(size.mentors / 4));
  const pickMentor = () => {
    const r = random() * (size.mentors + popular);
    return r < size.mentors ? Math.floor(r) : Math.floor(r - size.mentors);
  };
  const perMentee = Math.min(size.mentors, Math.floor(size.edges / size.mentees));
  let extra = size.edges - perMentee * size.mentees;
  const edges: CandidateGraph['edges'] = [];
  const chosen = new Set<number>();
  for (let i = 0; i < size.mentees; i++) {
    chosen.clear();
    const want = Math.min(size.mentors, perMentee + (extra-- > 0 ? 1 : 0));
    while (chosen.size < want) chosen.add(pickMentor());
    for (const j of chosen) {
      edges.push({ mentee: mentees[i]!.id, mentor: mentors[j]!.id, score: Math.round(random() * 10_000) / 100 });
    }
  }
  return { mentees, mentors, edges };
}

/**
 * The solver's input and output: who may be paired with whom (edges carry a
 * compatibility score from 0 to 100), how many mentees each mentor takes, and
 * the pairs chosen. parseCandidateGraph is the edge check for graphs that come
 * from outside (a JSON file, a request body): shape first, then the rules that
 * span records (unique ids, edges that point at known people, one edge per pair).
 */
import { z } from 'zod';
import type { Objective } from '../domain/matchRuns';

export type { Objective };
export const objectives: readonly Objective[] = ['max-matched', 'max-score', 'max-min'];

export const isObjective = (value: string): value is Objective => (objectives as readonly string[]).includes(value);

export interface CandidateGraph {
  mentees: { id: string }[];
  mentors: { id: string; capacity: number }[];
  edges: { mentee: string; mentor: string; score: number }[];
}

export interface Pair {
  mentee: string;
  mentor: string;
  score: number;
}

export interface Assignment {
  pairs: Pair[];
  matched: number;
  totalScore: number;
  /** The lowest score among the pairs; null when nobody is matched. */
  minScore: number | null;
}

export type CandidateGraphParse = { ok: true; graph: CandidateGraph } | { ok: false; problems: string[] };

const id = z.string({ required_error: 'is missing', invalid_type_error: 'must be a string' }).min(1, 'must not be empty');

const capacity = z
  .number({ required_error: 'is missing', invalid_type_error: 'must be a number' })
  .int('must be a whole number')
  .nonnegative('must be 0 or more');

const score = z
  .number({ required_error: 'is missing', invalid_type_error: 'must be a number' })
  .refine((v) => v >= 0 && v <= 100, 'must be a number from 0 to 100');

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.array(item, { required_error: 'is missing', invalid_type_error: 'must be a list' });

const record = <T extends z.ZodRawShape>(shape: T) => z.object(shape, { invalid_type_error: 'must be an object' });

const graphShape = z.object(
  {
    mentees: list(record({ id })),
    mentors: list(record({ id, capacity })),
    edges: list(record({ mentee: id, mentor: id, score })),
  },
  { invalid_type_error: 'The candidate graph must be a JSON object with mentees, mentors and edges.' },
);

/** `edges[3].score` from zod's ['edges', 3, 'score']. */
function locate(path: (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** Shows the offending value so a reader can find it in a large file. */
function received(input: unknown, path: (string | number)[]): string {
  let value: unknown = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string | number, unknown>)[part];
  }
  if (value === undefined) return '';
  // JSON.stringify would show NaN and Infinity as null.
  const shown =
    typeof value === 'number' ? String(value) : typeof value === 'object' && value !== null ? (Array.isArray(value) ? 'a list' : 'an object') : JSON.stringify(value);
  return ` (got ${shown ?? String(value)})`;
}

function shapeProblems(input: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.path.length === 0 ? issue.message : `${locate(issue.path)}: ${issue.message}${received(input, issue.path)}`,
  );
}

/** Ids must be unique within their list; reports every repeat against its first use. */
function duplicateIdProblems(listName: 'mentees' | 'mentors', items: { id: string }[]): string[] {
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, i);
    else problems.push(`${listName}[${i}]: id ${JSON.stringify(item.id)} is already used by ${listName}[${first}]`);
  });
  return problems;
}

function edgeProblems(graph: CandidateGraph): string[] {
  const menteeIds = new Set(graph.mentees.map((m) => m.id));
  const mentorIds = new Set(graph.mentors.map((m) => m.id));
  // Keyed by both ids; JSON.stringify keeps ids containing any separator apart.
  const firstEdge = new Map<string, number>();
  const problems: string[] = [];
  graph.edges.forEach((edge, i) => {
    if (!menteeIds.has(edge.mentee)) problems.push(`edges[${i}]: mentee ${JSON.stringify(edge.mentee)} is not in mentees`);
    if (!mentorIds.has(edge.mentor)) problems.push(`edges[${i}]: mentor ${JSON.stringify(edge.mentor)} is not in mentors`);
    const key = JSON.stringify([edge.mentee, edge.mentor]);
    const first = firstEdge.get(key);
    if (first === undefined) firstEdge.set(key, i);
    else
      problems.push(
        `edges[${i}]: mentee ${JSON.stringify(edge.mentee)} and mentor ${JSON.stringify(edge.mentor)} are already paired by edges[${first}]`,
      );
  });
  return problems;
}

export function parseCandidateGraph(input: unknown): CandidateGraphParse {
  const shaped = graphShape.safeParse(input);
  if (!shaped.success) return { ok: false, problems: shapeProblems(input, shaped.error) };
  const graph: CandidateGraph = shaped.data;
  const problems = [
    ...duplicateIdProblems('mentees', graph.mentees),
    ...duplicateIdProblems('mentors', graph.mentors),
    ...edgeProblems(graph),
  ];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, graph };
}

/** parseCandidateGraph: every problem class is reported in a sentence that says where it is. */
import { parseCandidateGraph } from '../../src/matching/candidateGraph';

const valid = {
  mentees: [{ id: 'e1' }, { id: 'e2' }],
  mentors: [{ id: 'm1', capacity: 2 }],
  edges: [
    { mentee: 'e1', mentor: 'm1', score: 73.5 },
    { mentee: 'e2', mentor: 'm1', score: 0 },
  ],
};

const problemsOf = (input: unknown) => {
  const parsed = parseCandidateGraph(input);
  if (parsed.ok) throw new Error('expected problems, got a valid graph');
  return parsed.problems;
};

describe('parseCandidateGraph', () => {
  it('accepts a valid graph as it is', () => {
    expect(parseCandidateGraph(valid)).toEqual({ ok: true, graph: valid });
  });

  it('rejects something that is not an object', () => {
    expect(problemsOf([1])).toEqual(['The candidate graph must be a JSON object with mentees, mentors and edges.']);
    expect(problemsOf(null)).toHaveLength(1);
  });

  it('names missing lists and fields, and wrong types', () => {
    expect(problemsOf({ mentees: [], mentors: [] })).toEqual(['edges: is missing']);
    expect(problemsOf({ ...valid, mentees: [{ id: 'e1' }, {}], mentors: [{ id: 7, capacity: 'two' }] })).toEqual([
      'mentees[1].id: is missing',
      'mentors[0].id: must be a string (got 7)',
      'mentors[0].capacity: must be a number (got "two")',
    ]);
    expect(problemsOf({ ...valid, edges: { mentee: 'e1' } })).toEqual(['edges: must be a list (got an object)']);
  });

  it('rejects negative or fractional capacities', () => {
    expect(problemsOf({ ...valid, mentors: [{ id: 'm1', capacity: -1 }] })).toEqual(['mentors[0].capacity: must be 0 or more (got -1)']);
    expect(problemsOf({ ...valid, mentors: [{ id: 'm1', capacity: 1.5 }] })).toEqual([
      'mentors[0].capacity: must be a whole number (got 1.5)',
    ]);
  });

  it('rejects scores outside 0..100 or not finite', () => {
    const withScore = (score: unknown) => ({ ...valid, edges: [{ mentee: 'e1', mentor: 'm1', score }] });
    expect(problemsOf(withScore(100.5))).toEqual(['edges[0].score: must be a number from 0 to 100 (got 100.5)']);
    expect(problemsOf(withScore(-3))).toEqual(['edges[0].score: must be a number from 0 to 100 (got -3)']);
    expect(problemsOf(withScore(Number.NaN))).toEqual(['edges[0].score: must be a number (got NaN)']);
    expect(problemsOf(withScore(Infinity))).toEqual(['edges[0].score: must be a number from 0 to 100 (got Infinity)']);
    expect(problemsOf(withScore('73'))).toEqual(['edges[0].score: must be a number (got "73")']);
  });

  it('rejects duplicate ids, edges to unknown people and repeated pairs', () => {
    expect(
      problemsOf({
        mentees: [{ id: 'e1' }, { id: 'e1' }],
        mentors: [{ id: 'm1', capacity: 1 }, { id: 'm1', capacity: 2 }],
        edges: [
          { mentee: 'e1', mentor: 'm1', score: 10 },
          { mentee: 'e1', mentor: 'm9', score: 10 },
          { mentee: 'e7', mentor: 'm1', score: 10 },
          { mentee: 'e1', mentor: 'm1', score: 20 },
        ],
      }),
    ).toEqual([
      'mentees[1]: id "e1" is already used by mentees[0]',
      'mentors[1]: id "m1" is already used by mentors[0]',
      'edges[1]: mentor "m9" is not in mentors',
      'edges[2]: mentee "e7" is not in mentees',
      'edges[3]: mentee "e1" and mentor "m1" are already paired by edges[0]',
    ]);
  });
});

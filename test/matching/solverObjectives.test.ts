/** What each objective prefers, on graphs small enough to check by eye. */
import { type CandidateGraph } from '../../src/matching/candidateGraph';
import { solve } from '../../src/matching/solver/solve';

const graph = (mentors: [string, number][], edges: [string, string, number][]): CandidateGraph => ({
  mentees: [...new Set(edges.map(([mentee]) => mentee))].map((id) => ({ id })),
  mentors: mentors.map(([id, capacity]) => ({ id, capacity })),
  edges: edges.map(([mentee, mentor, score]) => ({ mentee, mentor, score })),
});

describe('solve', () => {
  // e0 can take m0 (100) alone, or step aside to m1 (10) so e1 gets m0 (60).
  const oneStrongOrTwo = graph(
    [
      ['m0', 1],
      ['m1', 1],
    ],
    [
      ['e0', 'm0', 100],
      ['e0', 'm1', 10],
      ['e1', 'm0', 60],
    ],
  );

  it('max-matched matches everyone it can, even at a lower total', () => {
    expect(solve(oneStrongOrTwo, 'max-matched')).toEqual({
      pairs: [
        { mentee: 'e0', mentor: 'm1', score: 10 },
        { mentee: 'e1', mentor: 'm0', score: 60 },
      ],
      matched: 2,
      totalScore: 70,
      minScore: 10,
    });
  });

  it('max-score takes the highest total, even if fewer are matched', () => {
    expect(solve(oneStrongOrTwo, 'max-score')).toEqual({
      pairs: [{ mentee: 'e0', mentor: 'm0', score: 100 }],
      matched: 1,
      totalScore: 100,
      minScore: 100,
    });
  });

  it('max-score prefers more pairs when totals are equal', () => {
    const tie = graph(
      [
        ['m0', 1],
        ['m1', 1],
      ],
      [
        ['e0', 'm0', 100],
        ['e0', 'm1', 50],
        ['e1', 'm0', 50],
      ],
    );
    expect(solve(tie, 'max-score')).toMatchObject({ matched: 2, totalScore: 100 });
  });

  it('max-score leaves out pairs scoring 0; max-matched and max-min use them to match more people', () => {
    const zero = graph([['m0', 2]], [
      ['e0', 'm0', 40],
      ['e1', 'm0', 0],
    ]);
    expect(solve(zero, 'max-score').pairs).toEqual([{ mentee: 'e0', mentor: 'm0', score: 40 }]);
    expect(solve(zero, 'max-matched').matched).toBe(2);
    expect(solve(zero, 'max-min')).toMatchObject({ matched: 2, minScore: 0 });
  });

  it('max-min raises the lowest pair at the cost of the total; max-matched does not', () => {
    const crossed = graph(
      [
        ['m0', 1],
        ['m1', 1],
      ],
      [
        ['e0', 'm0', 100],
        ['e0', 'm1', 60],
        ['e1', 'm0', 60],
        ['e1', 'm1', 30],
      ],
    );
    expect(solve(crossed, 'max-matched')).toMatchObject({ matched: 2, totalScore: 130, minScore: 30 });
    expect(solve(crossed, 'max-min')).toEqual({
      pairs: [
        { mentee: 'e0', mentor: 'm1', score: 60 },
        { mentee: 'e1', mentor: 'm0', score: 60 },
      ],
      matched: 2,
      totalScore: 120,
      minScore: 60,
    });
  });

  it('fills a mentor up to its capacity and never uses a mentor with capacity 0', () => {
    const places = graph(
      [
        ['m0', 2],
        ['m1', 0],
      ],
      [
        ['e0', 'm0', 50],
        ['e1', 'm0', 70],
        ['e2', 'm0', 90],
        ['e2', 'm1', 99],
      ],
    );
    expect(solve(places, 'max-matched')).toMatchObject({
      pairs: [
        { mentee: 'e1', mentor: 'm0', score: 70 },
        { mentee: 'e2', mentor: 'm0', score: 90 },
      ],
      totalScore: 160,
    });
  });

  it('reports totals of decimal scores without float noise', () => {
    const decimals = graph([['m0', 3]], [
      ['e0', 'm0', 0.1],
      ['e1', 'm0', 0.2],
      ['e2', 'm0', 73.5],
    ]);
    expect(solve(decimals, 'max-score').totalScore).toBe(73.8);
  });

  it('matches nobody in a graph without edges, with no lowest score', () => {
    const empty: CandidateGraph = { mentees: [{ id: 'e0' }], mentors: [{ id: 'm0', capacity: 1 }], edges: [] };
    for (const objective of ['max-matched', 'max-score', 'max-min'] as const) {
      expect(solve(empty, objective)).toEqual({ pairs: [], matched: 0, totalScore: 0, minScore: null });
    }
  });
});

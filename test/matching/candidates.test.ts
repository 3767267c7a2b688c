import { generateSyntheticPool } from '../../bench/syntheticPool';
import type { Answers } from '../../src/domain/answers';
import { buildCandidateGraph, rankMentorsFor } from '../../src/matching/candidates';
import { scorePair } from '../../src/matching/scoring';
import { context, person } from './participants';

const menteeAnswers: Answers = {
  skillsToDevelop: ['leadership', 'writing'],
  department: 'engineering',
  level: 'early-career',
  experienceYears: 2,
  timeZone: 'Europe/Berlin',
  languages: ['english', 'german'],
  availability: ['lunchtime'],
  communication: 'either',
};

const mentorAnswers: Answers = {
  skillsToOffer: ['leadership', 'writing'],
  mentorCapacity: 3,
  department: 'product',
  level: 'senior-individual-contributor',
  experienceYears: 8,
  timeZone: 'Europe/Berlin',
  languages: ['english'],
  availability: ['lunchtime'],
  communication: 'either',
};

const key = (mentee: string, mentor: string) => `${mentee}|${mentor}`;

describe('buildCandidateGraph', () => {
  const mentees = [
    person('ann', menteeAnswers),
    person('cy', { ...menteeAnswers, timeZone: 'Asia/Tokyo', languages: ['japanese'] }),
    person('dee', menteeAnswers, { status: 'paused' }),
  ];
  const mentors = [
    person('bo', mentorAnswers, { capacity: 2 }),
    person('ed', mentorAnswers, { capacity: 0 }),
    person('fay', mentorAnswers, { status: 'withdrawn' }),
    person('gus', { ...mentorAnswers, timeZone: 'Asia/Tokyo', languages: ['japanese', 'english'] }, { capacity: 3 }),
    person('hal', { ...mentorAnswers, skillsToOffer: ['finance'], level: 'executive' }, { capacity: 1 }),
  ];
  const ctx = context({ pairedBefore: (a, b) => a === 'ann' && b === 'hal' });

  it('lists active mentees and mentors with room, passing each capacity through', () => {
    const { graph } = buildCandidateGraph(mentees, mentors, ctx);
    expect(graph.mentees).toEqual([{ id: 'ann' }, { id: 'cy' }]);
    expect(graph.mentors).toEqual([
      { id: 'bo', capacity: 2 },
      { id: 'gus', capacity: 3 },
      { id: 'hal', capacity: 1 },
    ]);
  });

  it('leaves every excluded pair out, counts them, and scores the rest as scorePair does', () => {
    const pool = buildCandidateGraph(mentees, mentors, ctx);
    expect(pool.graph.edges.map((e) => key(e.mentee, e.mentor)).sort()).toEqual([key('ann', 'bo'), key('cy', 'gus')]);
    expect(pool.excludedCount).toBe(mentees.length * mentors.length - 2);
    expect(pool.pruning).toBeNull();
    for (const edge of pool.graph.edges) {
      const verdict = scorePair(
        mentees.find((m) => m.personId === edge.mentee)!,
        mentors.find((m) => m.personId === edge.mentor)!,
        ctx,
      );
      expect(verdict).toMatchObject({ kind: 'candidate', score: edge.score });
    }
  });

  it('explains any pair of the pool on demand, excluded ones with their reasons', () => {
    const pool = buildCandidateGraph(mentees, mentors, ctx);
    const [edge] = pool.graph.edges;
    expect(pool.explain(edge!.mentee, edge!.mentor)).toMatchObject({ kind: 'candidate', score: edge!.score });
    expect(pool.explain('ann', 'hal')).toEqual({
      kind: 'excluded',
      exclusions: [{ code: 'paired-before', words: 'paired before in this program' }],
    });
    expect(pool.explain('dee', 'ed')).toMatchObject({
      kind: 'excluded',
      exclusions: [{ code: 'not-active' }, { code: 'no-capacity' }],
    });
    expect(() => pool.explain('nobody', 'bo')).toThrow(/nobody/);
  });

  it('keeps each mentee’s best candidates when asked to prune, and reports what it dropped', () => {
    const synthetic = generateSyntheticPool(11, 60, 40);
    const keep = 3;
    const pool = buildCandidateGraph(synthetic.mentees, synthetic.mentors, synthetic.context, { maxCandidatesPerMentee: keep });
    const edges = new Set(pool.graph.edges.map((e) => key(e.mentee, e.mentor)));
    let candidatePairs = 0;
    for (const mentee of synthetic.mentees.filter((m) => m.status === 'active')) {
      const scores = synthetic.mentors
        .map((mentor) => ({ mentor, verdict: scorePair(mentee, mentor, synthetic.context) }))
        .flatMap(({ mentor, verdict }) =>
          verdict.kind === 'candidate' ? [{ mentor: mentor.personId, score: verdict.score }] : [],
        )
        .sort((a, b) => b.score - a.score);
      candidatePairs += scores.length;
      const cut = scores[keep - 1]?.score ?? -1;
      // Everything strictly above the mentee's k-th best is kept; ties at the cut may go either way.
      for (const s of scores.filter((s) => s.score > cut)) expect(edges.has(key(mentee.personId, s.mentor))).toBe(true);
      expect(pool.graph.edges.filter((e) => e.mentee === mentee.personId).length).toBeGreaterThanOrEqual(
        Math.min(keep, scores.length),
      );
    }
    // Every pair is an edge, excluded or dropped; a past pair that never made a top list is not asked about, so counts as dropped.
    const pairs = synthetic.mentees.length * synthetic.mentors.length;
    expect(pool.pruning).toMatchObject({ keptPerMentee: keep, keptPerMentor: keep });
    expect(pool.graph.edges.length + pool.excludedCount + pool.pruning!.dropped).toBe(pairs);
    const pastPairs = synthetic.mentees.flatMap((m) =>
      synthetic.mentors.filter((t) => synthetic.context.pairedBefore(m.personId, t.personId)),
    ).length;
    expect(pool.pruning!.dropped).toBeGreaterThanOrEqual(candidatePairs - pool.graph.edges.length);
    expect(pool.pruning!.dropped).toBeLessThanOrEqual(candidatePairs - pool.graph.edges.length + pastPairs);
    // Mentors keep their own best too, so nobody with room and a candidate goes unseen by the solver.
    const mentorsWithEdges = new Set(pool.graph.edges.map((e) => e.mentor));
    for (const mentor of pool.graph.mentors) {
      const hasCandidate = synthetic.mentees.some(
        (m) =>
          scorePair(
            m,
            synthetic.mentors.find((t) => t.personId === mentor.id)!,
            synthetic.context,
          ).kind === 'candidate',
      );
      expect(mentorsWithEdges.has(mentor.id)).toBe(hasCandidate);
    }
  });

  it('prunes on its own above two million pairs, never keeping a pair made before', () => {
    const synthetic = generateSyntheticPool(5, 1600, 1500);
    const pool = buildCandidateGraph(synthetic.mentees, synthetic.mentors, synthetic.context);
    expect(pool.pruning).toMatchObject({ keptPerMentee: 20, keptPerMentor: 20 });
    expect(pool.graph.edges.length).toBeLessThanOrEqual(1600 * 20 + 1500 * 20);
    expect(pool.graph.edges.length + pool.excludedCount + pool.pruning!.dropped).toBe(1600 * 1500);
    const small = buildCandidateGraph(synthetic.mentees.slice(0, 1000), synthetic.mentors, synthetic.context);
    expect(small.pruning).toBeNull();
    expect(pool.graph.edges.some((e) => synthetic.context.pairedBefore(e.mentee, e.mentor))).toBe(false);
    for (const edge of pool.graph.edges.slice(0, 200))
      expect(pool.explain(edge.mentee, edge.mentor)).toMatchObject({ kind: 'candidate', score: edge.score });
  });
});

describe('rankMentorsFor', () => {
  const mentee = person('ann', menteeAnswers);
  const mentors = [
    person('weak', { ...mentorAnswers, skillsToOffer: ['finance'], department: 'engineering' }),
    person('best', mentorAnswers),
    person('full', mentorAnswers, { capacity: 0 }),
    person('away', { ...mentorAnswers, timeZone: 'Pacific/Honolulu' }),
    person('good', { ...mentorAnswers, skillsToOffer: ['leadership'] }),
    person('again', mentorAnswers),
    person('paused', mentorAnswers, { status: 'paused' }),
  ];
  const ctx = context({ pairedBefore: (_, mentor) => mentor === 'again' });

  it('ranks the mentors who pass every rule, best first, with scores and reasons', () => {
    const ranked = rankMentorsFor(mentee, mentors, ctx, 10);
    expect(ranked.map((r) => r.mentor.personId)).toEqual(['best', 'good', 'weak']);
    for (const r of ranked) {
      expect(r.score).toBe((scorePair(mentee, r.mentor, ctx) as { score: number }).score);
      expect(r.reasons.forMentee.length).toBeGreaterThan(0);
    }
    expect(ranked[0]!.reasons.forMentee[0]).toBe('offers both skills you want');
  });

  it('returns at most `limit`, skipping past partners without losing a place', () => {
    expect(rankMentorsFor(mentee, mentors, ctx, 2).map((r) => r.mentor.personId)).toEqual(['best', 'good']);
    expect(rankMentorsFor(mentee, [mentors[5]!, mentors[1]!], ctx, 1).map((r) => r.mentor.personId)).toEqual(['best']);
    expect(rankMentorsFor(mentee, mentors, ctx, 0)).toEqual([]);
  });

  it('offers nobody to a mentee whose enrollment is not active', () => {
    expect(rankMentorsFor(person('ann', menteeAnswers, { status: 'paused' }), mentors, ctx, 5)).toEqual([]);
  });
});

import fc from 'fast-check';
import type { Answers } from '../../src/domain/answers';
import { defaultProgram } from '../../src/domain/defaultProgram';
import type { Question } from '../../src/domain/questionnaire';
import { buildCandidateGraph } from '../../src/matching/candidates';
import type { Participant, ScoringContext } from '../../src/matching/participants';
import { scorePair } from '../../src/matching/scoring';

const questionnaire = defaultProgram.questionnaire;
const nobody: ReadonlySet<string> = new Set();
const context: ScoringContext = { questionnaire, maxTimeZoneGapHours: 6, reportingLine: () => nobody, pairedBefore: () => false };

function answerArbitrary(q: Question): fc.Arbitrary<Answers[string]> {
  const values = (q.options ?? []).map((o) => o.value);
  switch (q.type) {
    case 'single-choice':
      return fc.constantFrom(...values);
    case 'multi-choice':
      return fc.subarray(values, { minLength: 1, maxLength: q.maxChoices ?? values.length });
    case 'number':
      return fc.integer({ min: q.min ?? 0, max: q.max ?? 100 });
    default:
      return fc.constantFrom('Berlin', 'berlin ', 'London', 'São Paulo', 'Sao Paulo');
  }
}

/** Any answers to the default questionnaire, each question answered or not. */
const answers: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(questionnaire.questions.map((q) => [q.id, answerArbitrary(q)])),
  { requiredKeys: [] },
) as fc.Arbitrary<Answers>;

const participant = (role: string) =>
  fc.record({ answers, i: fc.nat() }).map(({ answers: a, i }): Participant => ({
    personId: `${role}-${i}`,
    enrollmentId: `e-${role}-${i}`,
    name: role,
    answers: a,
    status: 'active',
    capacity: 1,
  }));

describe('scoring any answers to the default questionnaire', () => {
  it('scores 0..100 with one decimal and at most three reasons per reader, the same facts for both', () => {
    fc.assert(
      fc.property(participant('mentee'), participant('mentor'), (mentee, mentor) => {
        const verdict = scorePair(mentee, mentor, context);
        if (verdict.kind === 'excluded') return;
        expect(verdict.score).toBeGreaterThanOrEqual(0);
        expect(verdict.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(Math.round(verdict.score * 10))).toBe(true);
        expect(Math.abs(verdict.score * 10 - Math.round(verdict.score * 10))).toBeLessThan(1e-9);
        expect(verdict.reasons.forMentee.length).toBeLessThanOrEqual(3);
        expect(verdict.reasons.forMentor).toHaveLength(verdict.reasons.forMentee.length);
        for (const c of verdict.contributions) {
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives every candidate edge the score its explanation gives, and leaves out exactly the excluded pairs', () => {
    fc.assert(
      fc.property(
        fc.array(participant('mentee'), { minLength: 1, maxLength: 6 }),
        fc.array(participant('mentor'), { minLength: 1, maxLength: 6 }),
        (mentees, mentors) => {
          const unique = <T extends Participant>(people: T[]) => [...new Map(people.map((p) => [p.personId, p])).values()];
          const [ms, ts] = [unique(mentees), unique(mentors)];
          const pool = buildCandidateGraph(ms, ts, context);
          const edges = new Map(pool.graph.edges.map((e) => [`${e.mentee}|${e.mentor}`, e.score]));
          let excluded = 0;
          for (const mentee of ms) {
            for (const mentor of ts) {
              const verdict = scorePair(mentee, mentor, context);
              if (verdict.kind === 'excluded') {
                excluded++;
                expect(edges.has(`${mentee.personId}|${mentor.personId}`)).toBe(false);
              } else {
                expect(edges.get(`${mentee.personId}|${mentor.personId}`)).toBe(verdict.score);
                expect(pool.explain(mentee.personId, mentor.personId)).toEqual(verdict);
              }
            }
          }
          expect(pool.excludedCount).toBe(excluded);
        },
      ),
      { numRuns: 100 },
    );
  });
});

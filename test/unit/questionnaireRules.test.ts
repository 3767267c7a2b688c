import { defaultProgram } from '../../src/domain/defaultProgram';
import type { Question, Questionnaire } from '../../src/domain/questionnaire';
import {
  answerImpact,
  answerImpactProblem,
  questionnaireProblems,
  questionnaireSchema,
} from '../../src/domain/questionnaireRules';

const choice = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  label: `Question ${id}`,
  type: 'multi-choice',
  audience: 'both',
  required: true,
  options: [
    { value: 'a', title: 'A' },
    { value: 'b', title: 'B' },
  ],
  matching: { rule: 'overlap', weight: 2 },
  ...extra,
});

const problemsOf = (...questions: Question[]) => questionnaireProblems({ questions });

describe('questionnaire rules', () => {
  it('accepts the default program’s questionnaire, shape and rules', () => {
    expect(questionnaireSchema.safeParse(defaultProgram.questionnaire).success).toBe(true);
    expect(questionnaireProblems(defaultProgram.questionnaire)).toEqual([]);
  });

  it('refuses a duplicate id, naming the second question', () => {
    expect(problemsOf(choice('x'), choice('x'))).toEqual([{ field: 'questions.1.id', reason: expect.stringMatching(/unique/) }]);
  });

  it('needs two options on a choice question and none on others', () => {
    expect(problemsOf(choice('x', { options: [{ value: 'a', title: 'A' }] }))).toEqual([
      { field: 'questions.0.options', reason: expect.stringMatching(/two options/) },
    ]);
    const text: Question = { id: 't', label: 'T', type: 'text', audience: 'both', required: false, options: [], matching: { rule: 'same', weight: 1 } };
    expect(problemsOf(text)).toEqual([{ field: 'questions.0.options', reason: expect.stringMatching(/only choice questions/) }]);
  });

  it('refuses rules that cannot score the question’s type', () => {
    const overlapOnText: Question = { id: 't', label: 'T', type: 'text', audience: 'both', required: false, matching: { rule: 'overlap', weight: 1 } };
    expect(problemsOf(overlapOnText)).toEqual([{ field: 'questions.0.matching.rule', reason: expect.stringMatching(/multi-choice/) }]);
    const unrankedDistance = choice('lvl', { type: 'single-choice', matching: { rule: 'distance', weight: 3, ideal: 1, tolerance: 1 } });
    expect(problemsOf(unrankedDistance)).toEqual([{ field: 'questions.0.matching.rule', reason: expect.stringMatching(/ranked options/) }]);
    const ranked = choice('lvl', {
      type: 'single-choice',
      options: [
        { value: 'a', title: 'A', rank: 0 },
        { value: 'b', title: 'B', rank: 1 },
      ],
      matching: { rule: 'distance', weight: 3, ideal: 1, tolerance: 1 },
    });
    expect(problemsOf(ranked)).toEqual([]);
  });

  it('needs a wants-offers counterpart that exists and is asked of mentors', () => {
    const wants = choice('wants', { audience: 'mentee', matching: { rule: 'wants-offers', weight: 10, counterpart: 'offers' } });
    expect(problemsOf(wants)).toEqual([{ field: 'questions.0.matching.counterpart', reason: 'there is no question "offers" in this questionnaire' }]);
    expect(problemsOf(wants, choice('offers', { audience: 'mentee', matching: { rule: 'none', weight: 0 } }))).toEqual([
      { field: 'questions.0.matching.counterpart', reason: '"offers" must be asked of mentors' },
    ]);
    expect(problemsOf(wants, choice('offers', { audience: 'mentor', matching: { rule: 'none', weight: 0 } }))).toEqual([]);
  });

  it('checks numbers, sensitive questions and purposes', () => {
    const number: Question = { id: 'n', label: 'N', type: 'number', audience: 'both', required: true, min: 5, max: 1, matching: { rule: 'none', weight: 0 } };
    expect(problemsOf(number)).toEqual([{ field: 'questions.0.max', reason: 'must not be below min' }]);
    expect(problemsOf(choice('s', { sensitive: true }))).toEqual([{ field: 'questions.0.required', reason: 'a sensitive question must be optional' }]);
    expect(problemsOf(choice('tz', { purpose: 'time-zone' }))).toEqual([{ field: 'questions.0.purpose', reason: 'a time-zone question must be single-choice' }]);
  });

  it('keeps weights within 0 to 10 and unscored questions at 0, in the shape', () => {
    const tooHeavy = questionnaireSchema.safeParse({ questions: [choice('x', { matching: { rule: 'overlap', weight: 11 } })] });
    expect(tooHeavy.success).toBe(false);
    expect(tooHeavy.error?.issues[0]).toMatchObject({ path: ['questions', 0, 'matching', 'weight'], message: 'must be from 0 to 10' });
    const weightedNone = questionnaireSchema.safeParse({ questions: [choice('x', { matching: { rule: 'none', weight: 3 } as never })] });
    expect(weightedNone.error?.issues[0]?.path).toEqual(['questions', 0, 'matching', 'weight']);
    const comma = questionnaireSchema.safeParse({ questions: [choice('x', { options: [{ value: 'a,b', title: 'A' }, { value: 'c', title: 'C' }] })] });
    expect(comma.error?.issues[0]?.path).toEqual(['questions', 0, 'options', 0, 'value']);
  });

  it('says which answered questions an edit removes or retypes, and refuses that without consent', () => {
    const before: Questionnaire = { questions: [choice('keep'), choice('gone'), choice('retyped'), choice('unanswered')] };
    const after: Questionnaire = {
      questions: [choice('keep'), { ...choice('retyped'), type: 'single-choice', matching: { rule: 'same', weight: 1 } }],
    };
    const answered = new Map([
      ['keep', 3],
      ['gone', 2],
      ['retyped', 1],
    ]);
    const impact = answerImpact(before, after, answered);
    expect(impact).toEqual({
      removed: [{ id: 'gone', answers: 2 }],
      retyped: [{ id: 'retyped', from: 'multi-choice', to: 'single-choice', answers: 1 }],
    });
    expect(answerImpactProblem(impact, after)).toEqual({ field: 'questions', reason: expect.stringMatching(/"gone" has 2 answer\(s\).*allowDroppingAnswers/) });
    expect(answerImpactProblem({ removed: [], retyped: impact.retyped }, after)).toEqual({
      field: 'questions.1.type',
      reason: expect.stringMatching(/"retyped" has 1 answer/),
    });
    expect(answerImpactProblem(answerImpact(before, before, answered), before)).toBeUndefined();
  });
});

/**
 * What makes an edited questionnaire safe to save: its shape (zod, for the
 * HTTP edge) and the rules that need the whole questionnaire to judge (ids
 * unique, rules that fit their question's type, counterparts that exist),
 * plus what the edit would do to answers people have already given.
 *
 * Answered questions: removing one, or changing its type, would orphan or
 * invalidate what people registered with, so it is refused unless the admin
 * says so explicitly (`allowDroppingAnswers`). Even then nothing is deleted:
 * stored answers to a question the questionnaire no longer has are simply
 * not read by registration or matching, and putting the question back brings
 * them back.
 */
import { z } from 'zod';
import type { Questionnaire, Question } from './questionnaire';
import { MAX_TEXT_LENGTH } from './questionnaire';

/** The largest weight a question may carry; the default program's heaviest is 10. */
export const MAX_WEIGHT = 10;
export const MAX_QUESTIONS = 60;
export const MAX_OPTIONS = 200;

export interface QuestionnaireProblem {
  /** A dotted path into the request body, e.g. `questions.3.matching.counterpart`. */
  field: string;
  reason: string;
}

const words = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

const weight = z
  .number({ required_error: 'is required', invalid_type_error: 'must be a number' })
  .min(0, `must be from 0 to ${MAX_WEIGHT}`)
  .max(MAX_WEIGHT, `must be from 0 to ${MAX_WEIGHT}`);

const finite = z.number({ required_error: 'is required', invalid_type_error: 'must be a number' }).finite('must be a finite number');

const matchingRule = z.discriminatedUnion(
  'rule',
  [
    z.object({ rule: z.literal('same'), weight }).strict(),
    z.object({ rule: z.literal('different'), weight }).strict(),
    z.object({ rule: z.literal('overlap'), weight }).strict(),
    z.object({ rule: z.literal('wants-offers'), weight, counterpart: words(40) }).strict(),
    z.object({ rule: z.literal('distance'), weight, ideal: finite, tolerance: finite.nonnegative('must not be negative') }).strict(),
    z.object({ rule: z.literal('none'), weight: z.literal(0, { errorMap: () => ({ message: 'must be 0 for a question that is not scored' }) }) }).strict(),
  ],
  { errorMap: () => ({ message: 'must be one of same, different, overlap, wants-offers, distance, none' }) },
);

const option = z
  .object({
    // Multi-choice answers travel as "a,b" on the card, so a value may never hold a comma.
    value: z
      .string({ required_error: 'is required', invalid_type_error: 'must be text' })
      .min(1, 'must not be empty')
      .max(100, 'must be at most 100 characters')
      .regex(/^[^,\s][^,]*$/, 'must not contain commas or start with a space'),
    title: words(200),
    rank: z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').optional(),
  })
  .strict();

export const questionSchema = z
  .object({
    id: z
      .string({ required_error: 'is required', invalid_type_error: 'must be text' })
      .regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'must start with a letter and hold only letters, digits, - and _ (at most 40)'),
    label: words(300),
    help: words(500).optional(),
    type: z.enum(['single-choice', 'multi-choice', 'text', 'long-text', 'number'], {
      errorMap: () => ({ message: 'must be one of single-choice, multi-choice, text, long-text, number' }),
    }),
    audience: z.enum(['mentor', 'mentee', 'both'], { errorMap: () => ({ message: 'must be one of mentor, mentee, both' }) }),
    required: z.boolean({ required_error: 'is required', invalid_type_error: 'must be true or false' }),
    options: z.array(option).max(MAX_OPTIONS, `must have at most ${MAX_OPTIONS} options`).optional(),
    maxChoices: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    min: finite.optional(),
    max: finite.optional(),
    maxLength: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH}`).optional(),
    placeholder: words(200).optional(),
    matching: matchingRule,
    directoryField: z.enum(['department', 'jobTitle', 'officeLocation']).optional(),
    purpose: z.enum(['time-zone', 'languages', 'manager']).optional(),
    sensitive: z.boolean().optional(),
  })
  .strict();

export const questionnaireSchema = z
  .object({
    questions: z
      .array(questionSchema, { required_error: 'is required', invalid_type_error: 'must be a list of questions' })
      .min(1, 'must have at least one question')
      .max(MAX_QUESTIONS, `must have at most ${MAX_QUESTIONS} questions`),
  })
  .strict();

const CHOICE_TYPES = new Set<Question['type']>(['single-choice', 'multi-choice']);

/**
 * The rules no single field shows: every problem found, each naming its field.
 * An empty list means the questionnaire can be saved as far as its own content goes.
 */
export function questionnaireProblems(questionnaire: Questionnaire): QuestionnaireProblem[] {
  const problems: QuestionnaireProblem[] = [];
  const byId = new Map<string, Question>();
  const add = (index: number, field: string, reason: string) => problems.push({ field: `questions.${index}${field ? `.${field}` : ''}`, reason });

  questionnaire.questions.forEach((q, i) => {
    if (byId.has(q.id)) add(i, 'id', `"${q.id}" is used by another question; ids must be unique`);
    else byId.set(q.id, q);
  });
  const purposes = new Map<string, number>();

  questionnaire.questions.forEach((q, i) => {
    const isChoice = CHOICE_TYPES.has(q.type);
    const options = q.options ?? [];
    if (isChoice) {
      if (options.length < 2) add(i, 'options', `a ${q.type} question needs at least two options`);
      const seen = new Set<string>();
      options.forEach((o, j) => {
        if (seen.has(o.value)) add(i, `options.${j}.value`, `"${o.value}" is offered twice`);
        seen.add(o.value);
      });
    } else if (q.options !== undefined) {
      add(i, 'options', `only choice questions have options, not ${q.type}`);
    }
    if (q.maxChoices !== undefined) {
      if (q.type !== 'multi-choice') add(i, 'maxChoices', 'only multi-choice questions have maxChoices');
      else if (q.maxChoices > options.length) add(i, 'maxChoices', `must be at most the number of options (${options.length})`);
    }
    if (q.type === 'number') {
      if (q.min === undefined || q.max === undefined) add(i, q.min === undefined ? 'min' : 'max', 'a number question needs min and max');
      else if (q.min > q.max) add(i, 'max', 'must not be below min');
    } else {
      if (q.min !== undefined) add(i, 'min', 'only number questions have min');
      if (q.max !== undefined) add(i, 'max', 'only number questions have max');
    }
    if (q.maxLength !== undefined && q.type !== 'text' && q.type !== 'long-text') add(i, 'maxLength', 'only text questions have maxLength');
    if (q.sensitive && q.required) add(i, 'required', 'a sensitive question must be optional');

    if (q.purpose) {
      const needed = { 'time-zone': 'single-choice', languages: 'multi-choice', manager: 'text' }[q.purpose];
      if (q.type !== needed) add(i, 'purpose', `a ${q.purpose} question must be ${needed}`);
      if (purposes.has(q.purpose)) add(i, 'purpose', `only one question may have the purpose ${q.purpose}`);
      purposes.set(q.purpose, i);
    }
    ruleProblems(q, byId).forEach(({ field, reason }) => add(i, field, reason));
  });
  return problems;
}

/** Whether the question's matching rule can score its type of answer. */
function ruleProblems(q: Question, byId: Map<string, Question>): QuestionnaireProblem[] {
  const m = q.matching;
  const at = (field: string, reason: string) => [{ field: `matching${field ? `.${field}` : ''}`, reason }];
  switch (m.rule) {
    case 'overlap':
      return q.type === 'multi-choice' ? [] : at('rule', 'overlap scores shared choices, so it needs a multi-choice question');
    case 'wants-offers': {
      if (q.type !== 'multi-choice') return at('rule', 'wants-offers needs a multi-choice question');
      if (q.audience === 'mentor') return at('rule', 'wants-offers is asked of mentees: the audience must be mentee or both');
      const offers = byId.get(m.counterpart);
      if (!offers) return at('counterpart', `there is no question "${m.counterpart}" in this questionnaire`);
      if (offers.id === q.id) return at('counterpart', 'must be another question: what mentors offer');
      if (offers.type !== 'multi-choice') return at('counterpart', `"${offers.id}" must be a multi-choice question`);
      if (offers.audience === 'mentee') return at('counterpart', `"${offers.id}" must be asked of mentors`);
      return [];
    }
    case 'distance': {
      if (q.type === 'number') return [];
      if (q.type === 'single-choice' && (q.purpose === 'time-zone' || (q.options ?? []).some((o) => o.rank !== undefined))) return [];
      return at(
        'rule',
        q.type === 'single-choice'
          ? 'distance needs ranked options (a rank on each) or the time-zone purpose'
          : 'distance needs a number question or a single-choice question with ranked options',
      );
    }
    default:
      return [];
  }
}

/** What the store knows about answers already given: how many enrollments answered each question. */
export type AnsweredCounts = ReadonlyMap<string, number>;

export interface AnswerImpact {
  /** Answered questions the edit removes. */
  removed: { id: string; answers: number }[];
  /** Answered questions whose type the edit changes. */
  retyped: { id: string; from: Question['type']; to: Question['type']; answers: number }[];
}

/** What the edit would do to answers already given. */
export function answerImpact(before: Questionnaire, after: Questionnaire, answered: AnsweredCounts): AnswerImpact {
  const next = new Map(after.questions.map((q) => [q.id, q]));
  const impact: AnswerImpact = { removed: [], retyped: [] };
  for (const q of before.questions) {
    const answers = answered.get(q.id) ?? 0;
    if (answers === 0) continue;
    const kept = next.get(q.id);
    if (!kept) impact.removed.push({ id: q.id, answers });
    else if (kept.type !== q.type) impact.retyped.push({ id: q.id, from: q.type, to: kept.type, answers });
  }
  return impact;
}

/** The refusal for an edit that would drop answers without the admin's explicit consent, or undefined. */
export function answerImpactProblem(impact: AnswerImpact, after: Questionnaire): QuestionnaireProblem | undefined {
  const [removed] = impact.removed;
  if (removed) {
    return {
      field: 'questions',
      reason: `"${removed.id}" has ${removed.answers} answer(s); removing it hides them from registration and matching. Send allowDroppingAnswers: true to remove it anyway.`,
    };
  }
  const [retyped] = impact.retyped;
  if (retyped) {
    const index = after.questions.findIndex((q) => q.id === retyped.id);
    return {
      field: `questions.${index}.type`,
      reason: `"${retyped.id}" has ${retyped.answers} answer(s) given as ${retyped.from}; changing it to ${retyped.to} makes them unreadable. Send allowDroppingAnswers: true to change it anyway.`,
    };
  }
  return undefined;
}

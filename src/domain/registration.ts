/**
 * Validation of a registration form submission against the program's
 * questionnaire. Card inputs arrive as strings (multi-choice as "a,b"); the
 * result is typed answers, or one message per offending field.
 */
import { z } from 'zod';
import type { Answers, AnswerValue } from './answers';
import { questionsFor, textLimit, type Question, type Questionnaire } from './questionnaire';
import type { Role } from './roles';

/** Card input ids are prefixed so they can never collide with the action's own data. */
const INPUT_PREFIX = 'q_';
export const inputId = (questionId: string) => `${INPUT_PREFIX}${questionId}`;

export type FieldErrors = Record<string, string>;

export type RegistrationValidation =
  | { ok: true; answers: Answers; mentorCapacity: number | null }
  | { ok: false; errors: FieldErrors; formError?: string };

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The field's rules for an answered question, as a zod schema from the raw card value to the stored answer. */
function answerSchema(q: Question): z.ZodType<AnswerValue, z.ZodTypeDef, unknown> {
  const text = z
    .custom<string | number>((v) => typeof v === 'string' || typeof v === 'number', 'This answer is not in a form we accept.')
    .transform((v) => String(v).trim());
  const offered = new Set((q.options ?? []).map((o) => o.value));

  switch (q.type) {
    case 'text':
    case 'long-text': {
      const max = textLimit(q);
      return text.pipe(z.string().max(max, `Please keep this under ${max.toLocaleString('en-US')} characters.`));
    }
    case 'number': {
      const range = `Please enter a number from ${q.min} to ${q.max}.`;
      return text
        .pipe(z.string().regex(/^-?\d+$/, 'Please enter a whole number.'))
        .transform(Number)
        .pipe(
          z
            .number()
            .min(q.min ?? Number.MIN_SAFE_INTEGER, range)
            .max(q.max ?? Number.MAX_SAFE_INTEGER, range),
        );
    }
    case 'single-choice':
      return text.pipe(z.string().refine((v) => offered.has(v), 'Please choose one of the options offered.'));
    case 'multi-choice':
      return text
        .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter(Boolean))])
        .pipe(
          z
            .array(z.string())
            .refine((vs) => vs.every((v) => offered.has(v)), 'Please choose only from the options offered.')
            .refine((vs) => q.maxChoices === undefined || vs.length <= q.maxChoices, `Please choose at most ${q.maxChoices}.`),
        );
  }
}

/**
 * Checks a submission for `role`. Fields the form never offered (tampered or
 * from another role's form) are refused as a whole rather than ignored, so a
 * crafted payload can never smuggle answers in.
 */
export function validateRegistration(
  questionnaire: Questionnaire,
  role: Role,
  submitted: Record<string, unknown>,
): RegistrationValidation {
  const questions = questionsFor(questionnaire, role);
  const known = new Set(questions.map((q) => inputId(q.id)));
  const unknown = Object.keys(submitted).filter((k) => k.startsWith(INPUT_PREFIX) && !known.has(k));
  if (unknown.length > 0) {
    return {
      ok: false,
      errors: {},
      formError: 'This form has answers we did not ask for. Please start again with "register".',
    };
  }

  const answers: Answers = {};
  const errors: FieldErrors = {};
  for (const q of questions) {
    const value = submitted[inputId(q.id)];
    if (isBlank(value)) {
      if (q.required) errors[q.id] = 'Please answer this question.';
      continue;
    }
    const result = answerSchema(q).safeParse(value);
    if (result.success) answers[q.id] = result.data;
    else errors[q.id] = result.error.issues[0]?.message ?? 'This answer is not valid.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const capacity = answers['mentorCapacity'];
  return { ok: true, answers, mentorCapacity: typeof capacity === 'number' ? capacity : null };
}

/** The raw card value of a stored answer, to pre-fill a form. */
export function inputValue(value: AnswerValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** What was typed into the form, by question id, to show it again beside the errors. */
export function submittedValues(inputs: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (key.startsWith(INPUT_PREFIX) && (typeof value === 'string' || typeof value === 'number')) {
      values[key.slice(INPUT_PREFIX.length)] = String(value);
    }
  }
  return values;
}

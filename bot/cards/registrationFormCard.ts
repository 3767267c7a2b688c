import template from './templates/registration-form.json';
import type { Answers } from '../../src/domain/answers';
import { questionsFor, textLimit } from '../../src/domain/questionnaire';
import { inputId, inputValue, type FieldErrors } from '../../src/domain/registration';
import { roleNames, type Role } from '../../src/domain/roles';
import type { Program } from '../../src/store/repositories/programs';
import { renderCard, type AdaptiveCard } from './render';

export interface RegistrationFormView {
  program: Program;
  role: Role;
  /** The enrollment revision this form edits (0 for a first registration). */
  revision: number;
  /** Pre-filled values: stored answers, or what was just submitted with errors. */
  values: Answers | Record<string, string>;
  errors?: FieldErrors;
  formError?: string;
}

const LONG_LIST = 6;

export function registrationFormCard(view: RegistrationFormView): AdaptiveCard {
  const questions = questionsFor(view.program.questionnaire, view.role).map((q) => ({
    inputId: inputId(q.id),
    type: q.type,
    label: q.label,
    required: q.required,
    help: q.help ?? '',
    placeholder: q.placeholder ?? '',
    options: q.options ?? [],
    min: q.min ?? 0,
    max: q.max ?? 0,
    maxLength: textLimit(q),
    value: inputValue(view.values[q.id]) ?? '',
    numberValue: numberValue(view.values[q.id]),
    // Long lists as tick boxes make the card scroll for pages; a drop-down keeps it short.
    choiceStyle: (q.options?.length ?? 0) > LONG_LIST ? 'compact' : 'expanded',
    error: view.errors?.[q.id] ?? '',
  }));
  return renderCard(template, {
    programId: view.program.id,
    programName: view.program.name,
    role: view.role,
    roleName: roleNames[view.role],
    revision: view.revision,
    formError:
      view.formError ??
      (view.errors && Object.keys(view.errors).length > 0 ? 'Please check the answers marked below.' : ''),
    questions,
  });
}

/** Input.Number takes a number or nothing; text that is not a number is dropped, its error stays. */
function numberValue(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

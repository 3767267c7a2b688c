import template from './templates/registration-summary.json';
import type { AnswerValue } from '../../src/domain/answers';
import { questionsFor, type Question } from '../../src/domain/questionnaire';
import { roleNames } from '../../src/domain/roles';
import type { Enrollment } from '../../src/store/repositories/enrollments';
import type { Program } from '../../src/store/repositories/programs';
import { formatDay, renderCard, type AdaptiveCard } from './render';

export interface RegistrationSummaryView {
  program: Program;
  enrollment: Enrollment;
  heading: string;
  notice?: string;
  timeZone?: string | null;
}

/** The read-only registration: what the form turns into, and what `profile` shows. */
export function registrationSummaryCard(view: RegistrationSummaryView): AdaptiveCard {
  const { program, enrollment } = view;
  const answers = questionsFor(program.questionnaire, enrollment.role)
    .filter((q) => enrollment.answers[q.id] !== undefined)
    .map((q) => ({ label: q.label, value: display(q, enrollment.answers[q.id]!) }));
  return renderCard(template, {
    heading: view.heading,
    notice: view.notice ?? '',
    programId: program.id,
    programName: program.name,
    roleName: roleNames[enrollment.role],
    registeredOn: formatDay(enrollment.createdAt, view.timeZone),
    answers,
  });
}

function display(q: Question, value: AnswerValue): string {
  const title = (v: string) => q.options?.find((o) => o.value === v)?.title ?? v;
  if (Array.isArray(value)) return value.map(title).join(', ');
  return typeof value === 'string' ? title(value) : String(value);
}

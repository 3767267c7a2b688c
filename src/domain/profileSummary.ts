/** Short descriptions of a person from their answers, for cards the other person reads. */
import type { Answers } from './answers';
import { isKnownTimeZone } from './localTime';
import type { Questionnaire } from './questionnaire';

/** The title of the chosen option, or the answer itself for free text. */
function answerTitle(questionnaire: Questionnaire, answers: Answers, questionId: string): string | undefined {
  const question = questionnaire.questions.find((q) => q.id === questionId);
  const value = answers[questionId];
  if (!question || value === undefined || Array.isArray(value)) return undefined;
  const option = question.options?.find((o) => o.value === String(value));
  return option?.title ?? String(value);
}

/** e.g. "Senior · Engineering"; empty when the questionnaire asks neither. */
export function roleLine(questionnaire: Questionnaire, answers: Answers): string {
  return ['level', 'department']
    .map((id) => answerTitle(questionnaire, answers, id))
    .filter((part): part is string => Boolean(part?.trim()))
    .join(' · ');
}

export function goalsText(answers: Answers): string {
  const goals = answers.goals;
  return typeof goals === 'string' ? goals.trim() : '';
}

/** The time zone the person gave when registering, for showing dates in it. */
export function answeredTimeZone(answers: Answers): string | null {
  return typeof answers.timeZone === 'string' ? answers.timeZone : null;
}

/**
 * The zone a person's times are shown in: the one they gave on registration
 * wins over the one their Teams client last reported; UTC when neither is known.
 */
export function displayTimeZone(answers: Answers | undefined, teamsZone: string | null | undefined): string {
  const zone = [answers && answeredTimeZone(answers), teamsZone].find((z): z is string => !!z && isKnownTimeZone(z));
  return zone ?? 'UTC';
}

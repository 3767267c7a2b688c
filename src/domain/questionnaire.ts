/**
 * A program's registration questionnaire: what the card asks, who answers each
 * question, and how the matching work scores it later.
 */
import type { Role } from './roles';

export type QuestionType = 'single-choice' | 'multi-choice' | 'text' | 'long-text' | 'number';

/** Who is asked: mentors only, mentees only, or everyone. */
export type Audience = 'mentor' | 'mentee' | 'both';

/**
 * How a question counts in a mentor–mentee score:
 * - same: the same answer scores;
 * - different: a different answer scores (e.g. another department);
 * - overlap: shared choices of a multi-choice question score;
 * - wants-offers: what the mentee wants (this question) against what the mentor offers (`counterpart`);
 * - distance: a numeric gap scores up to `ideal` and less beyond it (e.g. seniority, time zone);
 * - none: asked, but not scored.
 */
export type MatchingRule =
  | { rule: 'same'; weight: number }
  | { rule: 'different'; weight: number }
  | { rule: 'overlap'; weight: number }
  | { rule: 'wants-offers'; weight: number; counterpart: string }
  | { rule: 'distance'; weight: number; ideal: number; tolerance: number }
  | { rule: 'none'; weight: 0 };

export interface ChoiceOption {
  value: string;
  title: string;
  /** Position on a scale, for ordinal questions such as level. */
  rank?: number;
}

/** A directory field that, with Microsoft Graph configured, answers the question instead of the person. */
export type DirectoryField = 'department' | 'jobTitle' | 'officeLocation';

/**
 * What matching needs to know a question for, beyond its score: the time zone
 * (gap limit), the languages (a pair must share one) and the mentee's manager
 * (resolved by the service into a reporting line no mentor may come from).
 */
export type QuestionPurpose = 'time-zone' | 'languages' | 'manager';

export interface Question {
  id: string;
  label: string;
  help?: string;
  type: QuestionType;
  audience: Audience;
  required: boolean;
  options?: ChoiceOption[];
  /** multi-choice: most choices a person may pick. */
  maxChoices?: number;
  /** number: inclusive range. */
  min?: number;
  max?: number;
  /** text: most characters (never above MAX_TEXT_LENGTH). */
  maxLength?: number;
  placeholder?: string;
  matching: MatchingRule;
  directoryField?: DirectoryField;
  purpose?: QuestionPurpose;
  /** Sensitive questions are optional, never shown to the other person, and say so on the card. */
  sensitive?: boolean;
}

export interface Questionnaire {
  questions: Question[];
}

export const MAX_TEXT_LENGTH = 2000;

/** The most characters a text answer may have: the question's limit, never above MAX_TEXT_LENGTH. */
export function textLimit(q: Question): number {
  return Math.min(q.maxLength ?? MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
}

export function questionsFor(questionnaire: Questionnaire, role: Role): Question[] {
  return questionnaire.questions.filter((q) => asks(q.audience, role));
}

function asks(audience: Audience, role: Role): boolean {
  if (audience === 'both' || role === 'both') return true;
  return audience === role;
}

/**
 * The guided SMART goal form's checks, run before anything is sent so a person
 * hears what is missing at once; the server checks again and its reasons are
 * shown the same way.
 */
import type { NewGoal } from '../api/types';

export const GOAL_LIMITS = { title: 200, measure: 500 } as const;

export interface SmartGoalDraft {
  title: string;
  measure: string;
  /** YYYY-MM-DD from a date input, or '' for none. */
  targetDate: string;
}

export type SmartGoalProblems = Partial<Record<keyof SmartGoalDraft, string>>;

export function checkSmartGoal(draft: SmartGoalDraft, today: string): SmartGoalProblems {
  const problems: SmartGoalProblems = {};
  const title = draft.title.trim();
  const measure = draft.measure.trim();
  if (!title) problems.title = 'Say what you want to achieve.';
  else if (title.length > GOAL_LIMITS.title) problems.title = `Keep it to ${GOAL_LIMITS.title} characters or fewer.`;
  if (!measure) problems.measure = 'Say how you will know you have got there.';
  else if (measure.length > GOAL_LIMITS.measure) problems.measure = `Keep it to ${GOAL_LIMITS.measure} characters or fewer.`;
  if (draft.targetDate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.targetDate)) problems.targetDate = 'Give the date as YYYY-MM-DD.';
    else if (draft.targetDate < today) problems.targetDate = 'Pick a date from today on.';
  }
  return problems;
}

export function toNewGoal(draft: SmartGoalDraft): NewGoal {
  return { title: draft.title.trim(), measure: draft.measure.trim(), targetDate: draft.targetDate || null };
}

/** Today in the person's own time zone, as the date input shows days. */
export function localToday(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

/** A refusal's messages per field: every problem of a 422, or the one field a 400 names. */
import { ApiProblems } from '../api/adminClient';
import { ApiError, describeFailure } from '../api/apiError';

export interface FieldProblems {
  byField: Record<string, string>;
  /** What belongs to no field shown on the form. */
  general: string | null;
}

export function fieldProblems(error: unknown, shownFields: (field: string) => boolean): FieldProblems {
  if (!error) return { byField: {}, general: null };
  const list =
    error instanceof ApiProblems
      ? error.problems
      : error instanceof ApiError && error.field
        ? [{ field: error.field, reason: error.message }]
        : [];
  const byField: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const p of list) {
    if (shownFields(p.field)) byField[p.field] ??= p.reason;
    else elsewhere.push(`${p.field}: ${p.reason}`);
  }
  if (list.length === 0) return { byField, general: describeFailure(error) };
  return { byField, general: elsewhere.length > 0 ? `Please check: ${elsewhere.join('; ')}.` : null };
}

/**
 * Fields the API's strict bodies share, so every route words the same mistake
 * the same way in its 400.
 */
import { z } from 'zod';

/** Text that must be given and say something, up to `max` characters after trimming. */
export const requiredText = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** A calendar day, and a real one: 2025-02-30 is refused. */
export const calendarDate = z
  .string({ invalid_type_error: 'must be a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((day) => {
    const parsed = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
  }, 'is not a calendar date');

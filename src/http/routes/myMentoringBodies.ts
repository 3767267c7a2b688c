/**
 * The request bodies of the "My mentoring" API, strict: an unknown field is a
 * 400 naming it, so a typo never silently does nothing.
 */
import { z } from 'zod';
import { relationshipStages } from '../../store/schema';

export const BODY_LIMITS = { title: 200, measure: 500, agendaText: 500, agendaItemsPerSession: 200 } as const;

const text = (max: number) =>
  z
    .string({ required_error: 'is required', invalid_type_error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

/** A calendar day, and a real one: 2025-02-30 is refused. */
const calendarDate = z
  .string({ invalid_type_error: 'must be a date as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((day) => {
    const parsed = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
  }, 'is not a calendar date');

const atLeastOneField = (body: object) => Object.keys(body).length > 0;
const NOTHING_TO_CHANGE = { message: 'Give at least one field to change.' };

export const stageBody = z
  .object({
    stage: z.enum(relationshipStages, {
      errorMap: () => ({ message: `must be one of ${relationshipStages.join(', ')}` }),
    }),
  })
  .strict();

export const newGoalBody = z
  .object({ title: text(BODY_LIMITS.title), measure: text(BODY_LIMITS.measure), targetDate: calendarDate.nullable().optional() })
  .strict();

export const goalChangesBody = z
  .object({
    title: text(BODY_LIMITS.title).optional(),
    measure: text(BODY_LIMITS.measure).optional(),
    targetDate: calendarDate.nullable().optional(),
    status: z
      .enum(['not-started', 'in-progress', 'done', 'dropped'], {
        errorMap: () => ({ message: 'must be one of not-started, in-progress, done, dropped' }),
      })
      .optional(),
    progress: z
      .number({ invalid_type_error: 'must be a whole number from 0 to 100' })
      .int('must be a whole number from 0 to 100')
      .min(0, 'must be a whole number from 0 to 100')
      .max(100, 'must be a whole number from 0 to 100')
      .optional(),
  })
  .strict()
  .refine(atLeastOneField, NOTHING_TO_CHANGE);

export const newMilestoneBody = z.object({ title: text(BODY_LIMITS.title), dueOn: calendarDate.nullable().optional() }).strict();

export const milestoneChangesBody = z
  .object({
    title: text(BODY_LIMITS.title).optional(),
    dueOn: calendarDate.nullable().optional(),
    done: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
  })
  .strict()
  .refine(atLeastOneField, NOTHING_TO_CHANGE);

export const newAgendaItemBody = z.object({ text: text(BODY_LIMITS.agendaText) }).strict();

export const agendaItemChangesBody = z
  .object({
    text: text(BODY_LIMITS.agendaText).optional(),
    done: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
  })
  .strict()
  .refine(atLeastOneField, NOTHING_TO_CHANGE);

export const agendaOrderBody = z
  .object({
    ids: z
      .array(z.string().uuid('must be agenda item ids'), { required_error: 'is required', invalid_type_error: 'must be a list of agenda item ids' })
      .max(BODY_LIMITS.agendaItemsPerSession, `must list at most ${BODY_LIMITS.agendaItemsPerSession} items`),
  })
  .strict();

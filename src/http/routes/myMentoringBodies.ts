/**
 * The request bodies of the "My mentoring" API, strict: an unknown field is a
 * 400 naming it, so a typo never silently does nothing.
 */
import { z } from 'zod';
import { relationshipStages } from '../../store/schema';
import { calendarDate, requiredText } from './bodyFields';

export const BODY_LIMITS = { title: 200, measure: 500, agendaText: 500, agendaItemsPerSession: 200 } as const;

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
  .object({ title: requiredText(BODY_LIMITS.title), measure: requiredText(BODY_LIMITS.measure), targetDate: calendarDate.nullable().optional() })
  .strict();

export const goalChangesBody = z
  .object({
    title: requiredText(BODY_LIMITS.title).optional(),
    measure: requiredText(BODY_LIMITS.measure).optional(),
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

export const newMilestoneBody = z.object({ title: requiredText(BODY_LIMITS.title), dueOn: calendarDate.nullable().optional() }).strict();

export const milestoneChangesBody = z
  .object({
    title: requiredText(BODY_LIMITS.title).optional(),
    dueOn: calendarDate.nullable().optional(),
    done: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
  })
  .strict()
  .refine(atLeastOneField, NOTHING_TO_CHANGE);

export const newAgendaItemBody = z.object({ text: requiredText(BODY_LIMITS.agendaText) }).strict();

export const agendaItemChangesBody = z
  .object({
    text: requiredText(BODY_LIMITS.agendaText).optional(),
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

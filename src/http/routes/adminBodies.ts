/**
 * Request bodies and query strings of the admin API (programs, participants,
 * matching runs), strict: an unknown field is a 400 naming it, so a typo
 * never silently does nothing. `src/http/openapi/adminSchemas.ts` describes the same shapes.
 */
import { z } from 'zod';
import { MAX_WEIGHT, questionnaireSchema } from '../../domain/questionnaireRules';
import { calendarDate, requiredText } from './bodyFields';

export const PROGRAM_LIMITS = {
  name: 120,
  description: 2000,
  cadenceDays: [7, 120],
  sessionMinutes: [15, 240],
  mentorCapacityDefault: [1, 20],
  reminderOffsetMinutes: [1, 14 * 24 * 60],
  reminderOffsets: 5,
  ratingDelayMinutes: [0, 7 * 24 * 60],
  maxTimeZoneGapHours: [0, 24],
  proposalExpiryDays: [1, 30],
  admins: 20,
} as const;

const L = PROGRAM_LIMITS;

const int = (range: readonly [number, number]) =>
  z
    .number({ required_error: 'is required', invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .min(range[0], `must be from ${range[0]} to ${range[1]}`)
    .max(range[1], `must be from ${range[0]} to ${range[1]}`);

const personId = z.string({ invalid_type_error: 'must be a person id' }).uuid('must be a person id (a uuid)');

const programFields = {
  name: requiredText(L.name),
  description: z.string({ invalid_type_error: 'must be text' }).trim().max(L.description, `must be at most ${L.description} characters`),
  type: z.enum(['one-to-one', 'group', 'peer', 'reverse', 'flash'], {
    errorMap: () => ({ message: 'must be one of one-to-one, group, peer, reverse, flash' }),
  }),
  shape: z.enum(['cohort', 'evergreen'], { errorMap: () => ({ message: 'must be cohort or evergreen' }) }),
  startsOn: calendarDate.nullable(),
  endsOn: calendarDate.nullable(),
  matchingMode: z.enum(['algorithm', 'mentee-choice', 'admin'], {
    errorMap: () => ({ message: 'must be one of algorithm, mentee-choice, admin' }),
  }),
  cadenceDays: int(L.cadenceDays),
  sessionMinutes: int(L.sessionMinutes),
  mentorCapacityDefault: int(L.mentorCapacityDefault),
  reminderOffsetsMinutes: z
    .array(int(L.reminderOffsetMinutes), { invalid_type_error: 'must be a list of minutes before the session' })
    .max(L.reminderOffsets, `must have at most ${L.reminderOffsets} reminders`)
    .refine((offsets) => new Set(offsets).size === offsets.length, 'must not repeat a reminder'),
  ratingDelayMinutes: int(L.ratingDelayMinutes),
  maxTimeZoneGapHours: int(L.maxTimeZoneGapHours).nullable(),
  proposalExpiryDays: int(L.proposalExpiryDays),
  adminPersonIds: z.array(personId, { invalid_type_error: 'must be a list of person ids' }).max(L.admins, `must have at most ${L.admins} admins`),
};

export const newProgramBody = z
  .object({
    ...Object.fromEntries(Object.entries(programFields).map(([key, schema]) => [key, schema.optional()])),
    name: programFields.name,
    questionnaire: questionnaireSchema.optional(),
  } as { [K in keyof typeof programFields]: z.ZodOptional<(typeof programFields)[K]> } & {
    name: typeof programFields.name;
    questionnaire: z.ZodOptional<typeof questionnaireSchema>;
  })
  .strict();

export const programChangesBody = z
  .object(
    Object.fromEntries(Object.entries(programFields).map(([key, schema]) => [key, schema.optional()])) as {
      [K in keyof typeof programFields]: z.ZodOptional<(typeof programFields)[K]>;
    },
  )
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Give at least one field to change.' });

export const questionnaireBody = z
  .object({
    questionnaire: questionnaireSchema,
    /** Removing an answered question, or changing its type, needs this (answers are kept, but no longer read). */
    allowDroppingAnswers: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
    /** The program's updatedAt the edit started from: a later change makes this a 409 instead of an overwrite. */
    expectedUpdatedAt: z.string({ invalid_type_error: 'must be a date-time' }).datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  })
  .strict();

export const startRunBody = z
  .object({
    /** Per question id, the weight to try for this run (0 to 10); the program keeps its own. */
    weights: z
      .record(
        z.string(),
        z
          .number({ invalid_type_error: 'must be a number' })
          .min(0, `must be from 0 to ${MAX_WEIGHT}`)
          .max(MAX_WEIGHT, `must be from 0 to ${MAX_WEIGHT}`),
      )
      .optional(),
  })
  .strict();

const queryInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be from ${min} to ${max}`).max(max, `must be from ${min} to ${max}`))
    .default(String(fallback));

export const participantsQuery = z
  .object({
    role: z.enum(['mentor', 'mentee'], { errorMap: () => ({ message: 'must be mentor or mentee' }) }).optional(),
    status: z.enum(['active', 'paused', 'withdrawn'], { errorMap: () => ({ message: 'must be one of active, paused, withdrawn' }) }).optional(),
    matched: z.enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) }).transform((v) => v === 'true').optional(),
    q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
    limit: queryInt(1, 200, 50),
    offset: queryInt(0, 1_000_000, 0),
  })
  .strict();

export const auditQuery = z
  .object({
    limit: queryInt(1, 200, 50),
    /** Entries older than this id: the next page. */
    before: z.string().regex(/^\d+$/, 'must be an audit entry id').transform(Number).optional(),
  })
  .strict();

export type ParticipantsQuery = z.infer<typeof participantsQuery>;

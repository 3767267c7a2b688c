import { boolean, date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/**
 * Program health's daily counts, kept by triggers on sessions and ratings
 * (migration 0003_dashboard): each statement adds its new rows and takes away
 * its old ones, so concurrent writers' changes add up. Health sums days
 * instead of reading every session and rating of a range. Derived data only:
 * no code writes them.
 */
export const programSessionDays = pgTable(
  'program_session_days',
  {
    tenantId: text('tenant_id').notNull(),
    programId: uuid('program_id').notNull(),
    /** The UTC day the sessions start on. */
    day: date('day', { mode: 'string' }).notNull(),
    status: text('status').notNull(),
    /** The sessions' attendance responses, sorted: sessions with the same ones are counted together. */
    responses: text('responses').array().notNull(),
    sessions: integer('sessions').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.programId, t.day, t.status, t.responses] })],
);

export const programRatingDays = pgTable(
  'program_rating_days',
  {
    tenantId: text('tenant_id').notNull(),
    programId: uuid('program_id').notNull(),
    /** The UTC day the rated sessions start on. */
    day: date('day', { mode: 'string' }).notNull(),
    score: integer('score').notNull(),
    byMentor: boolean('by_mentor').notNull(),
    ratings: integer('ratings').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.programId, t.day, t.score, t.byMentor] })],
);

import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Questionnaire } from '../../domain/questionnaire';
import type { Answers } from '../../domain/answers';
import { createdAt, updatedAt } from './columns';
import { people, tenants } from './people';

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    type: text('type', { enum: ['one-to-one', 'group', 'peer', 'reverse', 'flash'] }).notNull(),
    shape: text('shape', { enum: ['cohort', 'evergreen'] }).notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    matchingMode: text('matching_mode', { enum: ['algorithm', 'mentee-choice', 'admin'] }).notNull(),
    status: text('status', { enum: ['draft', 'open', 'closed'] }).notNull(),
    questionnaire: jsonb('questionnaire').$type<Questionnaire>().notNull(),
    mentorCapacityDefault: integer('mentor_capacity_default').notNull(),
    cadenceDays: integer('cadence_days').notNull(),
    sessionMinutes: integer('session_minutes').notNull(),
    reminderOffsetsMinutes: integer('reminder_offsets_minutes').array().notNull(),
    maxTimeZoneGapHours: integer('max_time_zone_gap_hours'),
    proposalExpiryDays: integer('proposal_expiry_days').notNull(),
    // Minutes after a session's end that each participant is asked to rate it.
    ratingDelayMinutes: integer('rating_delay_minutes').notNull().default(5),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('programs_tenant_id').on(t.tenantId, t.id),
    uniqueIndex('programs_tenant_slug').on(t.tenantId, t.slug),
  ],
);

export const programAdmins = pgTable(
  'program_admins',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    personId: uuid('person_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
    primaryKey({ columns: [t.programId, t.personId] }),
  ],
);

export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    personId: uuid('person_id').notNull(),
    role: text('role', { enum: ['mentor', 'mentee', 'both'] }).notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    mentorCapacity: integer('mentor_capacity'),
    status: text('status', { enum: ['active', 'paused', 'withdrawn'] }).notNull(),
    // Bumped on every change; a card carries the revision it was built from,
    // so a repeated or stale submission is recognised and writes nothing.
    revision: integer('revision').notNull().default(1),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('enrollments_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    uniqueIndex('enrollments_program_person').on(t.programId, t.personId),
    index('enrollments_tenant_program_status').on(t.tenantId, t.programId, t.status),
    check('enrollments_capacity_range', sql`${t.mentorCapacity} IS NULL OR ${t.mentorCapacity} BETWEEN 0 AND 20`),
  ],
);

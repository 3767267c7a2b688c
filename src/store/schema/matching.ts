import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MatchReasons, MatchRunResults } from '../../domain/matchRuns';
import { createdAt } from './columns';
import { people, tenants } from './people';
import { enrollments, programs } from './programs';

/** An admin's matching run: draft assignments for each objective, until one is published. */
export const matchRuns = pgTable(
  'match_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    startedByPersonId: uuid('started_by_person_id').notNull(),
    status: text('status', { enum: ['draft', 'published', 'discarded'] }).notNull(),
    results: jsonb('results').$type<MatchRunResults>().notNull(),
    publishedObjective: text('published_objective', { enum: ['max-matched', 'max-score', 'max-min'] }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('match_runs_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    foreignKey({ columns: [t.tenantId, t.startedByPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('match_runs_program').on(t.tenantId, t.programId, t.createdAt),
  ],
);

export const matchProposals = pgTable(
  'match_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    menteeEnrollmentId: uuid('mentee_enrollment_id').notNull(),
    mentorEnrollmentId: uuid('mentor_enrollment_id').notNull(),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<MatchReasons>().notNull(),
    // How the pair came about: a published run, the mentee's own request, or an admin.
    source: text('source', { enum: ['algorithm', 'mentee-choice', 'admin'] }).notNull().default('algorithm'),
    runId: uuid('run_id'),
    requestedByPersonId: uuid('requested_by_person_id'),
    status: text('status', {
      enum: ['draft', 'proposed', 'accepted', 'declined', 'expired', 'withdrawn'],
    }).notNull(),
    declineReason: text('decline_reason'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('match_proposals_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    foreignKey({ columns: [t.tenantId, t.menteeEnrollmentId], foreignColumns: [enrollments.tenantId, enrollments.id] }),
    foreignKey({ columns: [t.tenantId, t.mentorEnrollmentId], foreignColumns: [enrollments.tenantId, enrollments.id] }),
    index('match_proposals_program_status').on(t.tenantId, t.programId, t.status),
    index('match_proposals_mentor').on(t.mentorEnrollmentId, t.status),
    index('match_proposals_mentee').on(t.menteeEnrollmentId, t.status),
    foreignKey({ columns: [t.tenantId, t.runId], foreignColumns: [matchRuns.tenantId, matchRuns.id] }),
    foreignKey({ columns: [t.tenantId, t.requestedByPersonId], foreignColumns: [people.tenantId, people.id] }),
    // A mentee waits on one mentor at a time; a racing second proposal fails here.
    uniqueIndex('match_proposals_one_open_per_mentee')
      .on(t.menteeEnrollmentId)
      .where(sql`status = 'proposed'`),
  ],
);

import { sql } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { matchProposals } from './matching';
import { people, tenants } from './people';
import { programs } from './programs';

export const relationshipStages = [
  'rapport-building',
  'setting-direction',
  'progression',
  'winding-down',
  'moving-on',
] as const;

export const relationships = pgTable(
  'relationships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    programId: uuid('program_id').notNull(),
    mentorPersonId: uuid('mentor_person_id').notNull(),
    menteePersonId: uuid('mentee_person_id').notNull(),
    proposalId: uuid('proposal_id'),
    stage: text('stage', { enum: relationshipStages }).notNull(),
    status: text('status', { enum: ['active', 'paused', 'finished', 'ended'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    // The mentor's first step after accepting (a booked or proposed session); nudges look for it.
    mentorFirstContactAt: timestamp('mentor_first_contact_at', { withTimezone: true }),
    // Not declared here, so no code reads or writes them: last_held_at, open_until and has_session, the
    // pair's sessions summed up by triggers for program health's pairs at risk (migration 0003_dashboard).
    createdAt: createdAt(),
  },
  (t) => [
    unique('relationships_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.programId], foreignColumns: [programs.tenantId, programs.id] }),
    foreignKey({ columns: [t.tenantId, t.mentorPersonId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.menteePersonId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({ columns: [t.tenantId, t.proposalId], foreignColumns: [matchProposals.tenantId, matchProposals.id] }),
    index('relationships_tenant_program').on(t.tenantId, t.programId, t.status),
    index('relationships_mentor').on(t.mentorPersonId),
    index('relationships_mentee').on(t.menteePersonId),
    check('relationships_two_people', sql`${t.mentorPersonId} <> ${t.menteePersonId}`),
    // One mentor per mentee per program at a time.
    uniqueIndex('relationships_one_current_per_mentee')
      .on(t.programId, t.menteePersonId)
      .where(sql`status in ('active', 'paused')`),
  ],
);

import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { people, tenants } from './people';
import { relationships } from './relationships';

export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    relationshipId: uuid('relationship_id').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    title: text('title').notNull(),
    measure: text('measure').notNull(),
    targetDate: date('target_date'),
    status: text('status', { enum: ['not-started', 'in-progress', 'done', 'dropped'] }).notNull(),
    progress: integer('progress').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('goals_tenant_id').on(t.tenantId, t.id),
    foreignKey({ columns: [t.tenantId, t.relationshipId], foreignColumns: [relationships.tenantId, relationships.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('goals_relationship').on(t.relationshipId),
    check('goals_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    goalId: uuid('goal_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    position: integer('position').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [goals.tenantId, goals.id] }).onDelete('cascade'),
    index('milestones_goal').on(t.goalId, t.position),
  ],
);

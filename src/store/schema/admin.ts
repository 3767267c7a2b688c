import { sql } from 'drizzle-orm';
import {
  bigserial,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { people, tenants } from './people';
import { relationships } from './relationships';
import { sessions } from './sessions';

/**
 * A pair the program's admins should look at, and why. `key` names the
 * occasion (a rating, a gap since a session) so each is raised once.
 */
export const pairFlags = pgTable(
  'pair_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    relationshipId: uuid('relationship_id').notNull(),
    reason: text('reason', { enum: ['low-rating', 'did-not-meet', 'no-session', 'no-first-contact'] }).notNull(),
    key: text('key').notNull(),
    sessionId: uuid('session_id'),
    raisedByPersonId: uuid('raised_by_person_id'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByPersonId: uuid('resolved_by_person_id'),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.relationshipId], foreignColumns: [relationships.tenantId, relationships.id] }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [sessions.tenantId, sessions.id] }),
    uniqueIndex('pair_flags_key').on(t.tenantId, t.key),
    index('pair_flags_open').on(t.tenantId, t.relationshipId).where(sql`resolved_at is null`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    actorPersonId: uuid('actor_person_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.actorPersonId], foreignColumns: [people.tenantId, people.id] }),
    index('audit_log_tenant_at').on(t.tenantId, t.at),
  ],
);

/**
 * Every proactive message the bot sent or tried to send: what, to whom, about
 * what, and the message id, so a card can be updated later (an expired proposal).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    subjectId: text('subject_id'),
    activityId: text('activity_id'),
    // 'sending': claimed by an instance that is delivering it now (see claimedAt).
    status: text('status', { enum: ['sending', 'sent', 'failed', 'unreachable'] }).notNull(),
    error: text('error'),
    // Names one delivery (a reminder for one session at one offset, say): a
    // keyed message is sent once, whichever instance or retry gets there first.
    deliveryKey: text('delivery_key'),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
    index('notifications_subject').on(t.tenantId, t.subjectId, t.kind),
    index('notifications_person').on(t.tenantId, t.personId, t.createdAt),
    uniqueIndex('notifications_delivery_key').on(t.tenantId, t.deliveryKey).where(sql`delivery_key is not null`),
  ],
);

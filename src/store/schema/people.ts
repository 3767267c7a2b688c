import { foreignKey, index, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';

export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(), // the Entra tenant id
  name: text('name'),
  createdAt: createdAt(),
});

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    teamsUserId: text('teams_user_id').notNull(),
    aadObjectId: text('aad_object_id'),
    name: text('name').notNull(),
    // From Teams' member record on install; lets the questionnaire name a manager by email.
    email: text('email'),
    timeZone: text('time_zone'),
    locale: text('locale'),
    // The chat the welcome card went to: one welcome per install, not one per install event.
    welcomedConversationId: text('welcomed_conversation_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('people_tenant_id').on(t.tenantId, t.id),
    uniqueIndex('people_tenant_teams_user').on(t.tenantId, t.teamsUserId),
    index('people_tenant_aad').on(t.tenantId, t.aadObjectId),
  ],
);

/** Where to reach a person proactively: their 1:1 chat with the bot. */
export const conversationReferences = pgTable(
  'conversation_references',
  {
    personId: uuid('person_id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    conversationId: text('conversation_id').notNull(),
    serviceUrl: text('service_url').notNull(),
    channelId: text('channel_id').notNull(),
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    unreachableAt: timestamp('unreachable_at', { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }).onDelete('cascade'),
  ],
);

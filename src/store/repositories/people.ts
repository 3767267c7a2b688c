import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { conversationReferences, people } from '../schema';
import type { Db } from '../database';

export type Person = typeof people.$inferSelect;
export type ConversationReferenceRow = typeof conversationReferences.$inferSelect;

export interface SeenPerson {
  tenantId: string;
  teamsUserId: string;
  aadObjectId?: string | null;
  name?: string | null;
  email?: string | null;
  timeZone?: string | null;
  locale?: string | null;
}

export interface PersonalConversation {
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  reference: Record<string, unknown>;
}

export function peopleRepository(db: Db) {
  return {
    /**
     * Creates or refreshes a person from what Teams tells us on each turn. Only
     * non-empty facts overwrite stored ones: an install event carries no name.
     */
    async upsertSeen(seen: SeenPerson): Promise<Person> {
      const [row] = await db
        .insert(people)
        .values({
          tenantId: seen.tenantId,
          teamsUserId: seen.teamsUserId,
          aadObjectId: seen.aadObjectId ?? null,
          name: seen.name?.trim() || 'Colleague',
          email: seen.email ?? null,
          timeZone: seen.timeZone ?? null,
          locale: seen.locale ?? null,
        })
        .onConflictDoUpdate({
          target: [people.tenantId, people.teamsUserId],
          set: {
            aadObjectId: sql`coalesce(excluded.aad_object_id, ${people.aadObjectId})`,
            name: seen.name?.trim() ? sql`excluded.name` : sql`${people.name}`,
            email: sql`coalesce(excluded.email, ${people.email})`,
            timeZone: sql`coalesce(excluded.time_zone, ${people.timeZone})`,
            locale: sql`coalesce(excluded.locale, ${people.locale})`,
            updatedAt: sql`now()`,
          },
        })
        .returning();
      return row!;
    },

    async get(tenantId: string, personId: string): Promise<Person | undefined> {
      const [row] = await db
        .select()
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
      return row;
    },

    /**
     * The person behind an Entra object id. Should a user appear twice (an old
     * Teams id kept after a bot re-registration), the one seen last wins.
     */
    async findByAadObjectId(tenantId: string, aadObjectId: string): Promise<Person | undefined> {
      const [row] = await db
        .select()
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.aadObjectId, aadObjectId)))
        .orderBy(desc(people.updatedAt))
        .limit(1);
      return row;
    },

    async findByTeamsUserId(tenantId: string, teamsUserId: string): Promise<Person | undefined> {
      const [row] = await db
        .select()
        .from(people)
        .where(and(eq(people.tenantId, tenantId), eq(people.teamsUserId, teamsUserId)));
      return row;
    },

    /** A tenant's people by name, at most `limit` of them. */
    async listByTenant(tenantId: string, limit: number): Promise<Person[]> {
      return db
        .select()
        .from(people)
        .where(eq(people.tenantId, tenantId))
        .orderBy(asc(people.name), asc(people.id))
        .limit(limit);
    },

    /**
     * Records that the person was welcomed in a conversation; true only for the
     * first caller there, so the two events of one install greet once.
     */
    async markWelcomed(tenantId: string, personId: string, conversationId: string): Promise<boolean> {
      const updated = await db
        .update(people)
        .set({ welcomedConversationId: conversationId })
        .where(
          and(
            eq(people.tenantId, tenantId),
            eq(people.id, personId),
            sql`${people.welcomedConversationId} is distinct from ${conversationId}`,
          ),
        )
        .returning({ id: people.id });
      return updated.length > 0;
    },

    /** After an uninstall, so that installing again greets again. */
    async forgetWelcome(tenantId: string, personId: string): Promise<void> {
      await db
        .update(people)
        .set({ welcomedConversationId: null })
        .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
    },

    /**
     * Keeps the latest 1:1 chat of a person, where proactive messages go. It is
     * saved on every turn, so an unchanged one is not rewritten.
     */
    async saveConversation(tenantId: string, personId: string, c: PersonalConversation): Promise<void> {
      await db
        .insert(conversationReferences)
        .values({ personId, tenantId, ...c })
        .onConflictDoUpdate({
          target: conversationReferences.personId,
          set: { ...c, unreachableAt: null, updatedAt: sql`now()` },
          setWhere: sql`${conversationReferences.reference} is distinct from excluded.reference
            or ${conversationReferences.unreachableAt} is not null`,
        });
    },

    async getConversation(tenantId: string, personId: string): Promise<ConversationReferenceRow | undefined> {
      const [row] = await db
        .select()
        .from(conversationReferences)
        .where(and(eq(conversationReferences.tenantId, tenantId), eq(conversationReferences.personId, personId)));
      return row;
    },
  };
}

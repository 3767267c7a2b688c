import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { agendaItems, relationships, sessions } from '../schema';
import type { AttendeeResponse } from '../../domain/sessions';
import type { Db } from '../database';

export type Session = typeof sessions.$inferSelect;
export type SessionStatus = Session['status'];
export type AgendaItem = typeof agendaItems.$inferSelect;

export interface SessionDraft {
  tenantId: string;
  relationshipId: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionStatus;
  organizerPersonId?: string | null;
  calendarEventId?: string | null;
  joinUrl?: string | null;
  proposedByPersonId?: string | null;
}

/** Sessions that still lie ahead of the pair: proposed or scheduled. */
const PENDING_STATUSES: SessionStatus[] = ['proposed', 'scheduled'];

export interface AgendaItemChanges {
  text?: string;
  done?: boolean;
}

export interface SessionChanges {
  status?: SessionStatus;
  startsAt?: Date;
  endsAt?: Date;
}

/** A session and its agenda: agenda items are only reached through their session. */
export function sessionsRepository(db: Db) {
  const byId = (tenantId: string, id: string) => and(eq(sessions.tenantId, tenantId), eq(sessions.id, id));
  const agendaOf = (tenantId: string, sessionId: string) =>
    and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.sessionId, sessionId));

  const listAgenda = (tenantId: string, sessionId: string): Promise<AgendaItem[]> =>
    db
      .select()
      .from(agendaItems)
      .where(agendaOf(tenantId, sessionId))
      .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));

  return {
    async create(draft: SessionDraft): Promise<Session> {
      const [row] = await db.insert(sessions).values(draft).returning();
      return row!;
    },

    async get(tenantId: string, id: string): Promise<Session | undefined> {
      const [row] = await db.select().from(sessions).where(byId(tenantId, id));
      return row;
    },

    async listForRelationship(tenantId: string, relationshipId: string): Promise<Session[]> {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tenantId, tenantId), eq(sessions.relationshipId, relationshipId)))
        .orderBy(asc(sessions.startsAt), asc(sessions.id));
    },

    async update(tenantId: string, id: string, changes: SessionChanges): Promise<Session | undefined> {
      const [row] = await db
        .update(sessions)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(byId(tenantId, id))
        .returning();
      return row;
    },

    /** Appends an item to the session's agenda; undefined when the session is not the tenant's. */
    async addAgendaItem(
      tenantId: string,
      sessionId: string,
      authorPersonId: string,
      text: string,
    ): Promise<AgendaItem | undefined> {
      const [session] = await db.select({ id: sessions.id }).from(sessions).where(byId(tenantId, sessionId));
      if (!session) return undefined;
      const [row] = await db
        .insert(agendaItems)
        .values({
          tenantId,
          sessionId,
          authorPersonId,
          text,
          position: sql`(select coalesce(max(${agendaItems.position}), 0) + 1 from ${agendaItems} where ${agendaOf(tenantId, sessionId)})`,
        })
        .returning();
      return row;
    },

    listAgenda,

    /** The pair's proposed and scheduled sessions that start after `now`, soonest first. */
    async listUpcoming(tenantId: string, relationshipIds: string[], now: Date): Promise<Session[]> {
      if (relationshipIds.length === 0) return [];
      return db
        .select()
        .from(sessions)
        .where(
          and(
            eq(sessions.tenantId, tenantId),
            inArray(sessions.relationshipId, relationshipIds),
            inArray(sessions.status, PENDING_STATUSES),
            gt(sessions.startsAt, now),
          ),
        )
        .orderBy(asc(sessions.startsAt), asc(sessions.id));
    },

    /**
     * The other person confirms a manually proposed time: proposed -> scheduled,
     * never by the person who proposed it; undefined when that did not apply.
     */
    async confirmProposed(tenantId: string, id: string, confirmerPersonId: string): Promise<Session | undefined> {
      const [row] = await db
        .update(sessions)
        .set({ status: 'scheduled', updatedAt: sql`now()` })
        .where(
          and(
            byId(tenantId, id),
            eq(sessions.status, 'proposed'),
            or(isNull(sessions.proposedByPersonId), ne(sessions.proposedByPersonId, confirmerPersonId)),
          ),
        )
        .returning();
      return row;
    },

    /** Deletes a session that never really existed (its booking was undone); its agenda goes with it. */
    async remove(tenantId: string, id: string): Promise<void> {
      await db.delete(sessions).where(byId(tenantId, id));
    },

    /** Cancels a proposed or scheduled session; undefined when it was not (already cancelled, or held). */
    async cancel(tenantId: string, id: string, at: Date): Promise<Session | undefined> {
      const [row] = await db
        .update(sessions)
        .set({ status: 'cancelled', cancelledAt: at, updatedAt: sql`now()` })
        .where(and(byId(tenantId, id), inArray(sessions.status, PENDING_STATUSES)))
        .returning();
      return row;
    },

    /** Moves a scheduled session; undefined when it is no longer scheduled. */
    async move(tenantId: string, id: string, startsAt: Date, endsAt: Date): Promise<Session | undefined> {
      const [row] = await db
        .update(sessions)
        .set({ startsAt, endsAt, updatedAt: sql`now()` })
        .where(and(byId(tenantId, id), eq(sessions.status, 'scheduled')))
        .returning();
      return row;
    },

    async setCalendarEvent(
      tenantId: string,
      id: string,
      event: { calendarEventId: string | null; joinUrl: string | null; organizerPersonId: string },
    ): Promise<Session | undefined> {
      const [row] = await db
        .update(sessions)
        .set({ ...event, updatedAt: sql`now()` })
        .where(byId(tenantId, id))
        .returning();
      return row;
    },

    /**
     * What the calendar says happened: each attendee's response, and a
     * cancelled event cancels a session that was still scheduled.
     */
    async recordAttendance(
      tenantId: string,
      id: string,
      attendance: Record<string, AttendeeResponse>,
      checkedAt: Date,
      cancelled: boolean,
    ): Promise<Session | undefined> {
      const [row] = await db
        .update(sessions)
        .set({
          attendance,
          attendanceCheckedAt: checkedAt,
          updatedAt: sql`now()`,
          ...(cancelled
            ? {
                status: sql`case when ${sessions.status} in ('proposed', 'scheduled') then 'cancelled' else ${sessions.status} end`,
                cancelledAt: sql`coalesce(${sessions.cancelledAt}, ${checkedAt.toISOString()}::timestamptz)`,
              }
            : {}),
        })
        .where(byId(tenantId, id))
        .returning();
      return row;
    },

    /**
     * The mentor's first step after accepting (booking, proposing or
     * confirming a session), kept once on the relationship for nudges.
     * It lives here because only scheduling a session sets it.
     */
    async recordMentorFirstContact(tenantId: string, relationshipId: string, at: Date): Promise<void> {
      await db
        .update(relationships)
        .set({ mentorFirstContactAt: at })
        .where(
          and(
            eq(relationships.tenantId, tenantId),
            eq(relationships.id, relationshipId),
            isNull(relationships.mentorFirstContactAt),
          ),
        );
    },

    async setAgendaItemDone(tenantId: string, itemId: string, done: boolean): Promise<AgendaItem | undefined> {
      const [row] = await db
        .update(agendaItems)
        .set({ done, updatedAt: sql`now()` })
        .where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, itemId)))
        .returning();
      return row;
    },

    async getAgendaItem(tenantId: string, itemId: string): Promise<AgendaItem | undefined> {
      const [row] = await db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, itemId)));
      return row;
    },

    /** The agendas of several sessions at once (a pair view), each in its order. */
    async listAgendaForSessions(tenantId: string, sessionIds: string[]): Promise<AgendaItem[]> {
      if (sessionIds.length === 0) return [];
      return db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.tenantId, tenantId), inArray(agendaItems.sessionId, sessionIds)))
        .orderBy(asc(agendaItems.sessionId), asc(agendaItems.position), asc(agendaItems.createdAt));
    },

    async updateAgendaItem(tenantId: string, itemId: string, changes: AgendaItemChanges): Promise<AgendaItem | undefined> {
      const [row] = await db
        .update(agendaItems)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, itemId)))
        .returning();
      return row;
    },

    /** False when there was no such item. */
    async deleteAgendaItem(tenantId: string, itemId: string): Promise<boolean> {
      const deleted = await db
        .delete(agendaItems)
        .where(and(eq(agendaItems.tenantId, tenantId), eq(agendaItems.id, itemId)))
        .returning({ id: agendaItems.id });
      return deleted.length > 0;
    },

    async listByIds(tenantId: string, ids: string[]): Promise<Session[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tenantId, tenantId), inArray(sessions.id, ids)));
    },

    /**
     * Puts the session's agenda in the given order (positions 1..n). The ids
     * must be exactly the session's items; otherwise (a stale card) nothing
     * changes and the result is undefined.
     */
    async reorderAgenda(tenantId: string, sessionId: string, orderedIds: string[]): Promise<AgendaItem[] | undefined> {
      const current = await listAgenda(tenantId, sessionId);
      const ids = new Set(orderedIds);
      if (ids.size !== orderedIds.length || ids.size !== current.length || current.some((item) => !ids.has(item.id))) {
        return undefined;
      }
      if (orderedIds.length === 0) return current;
      const cases = orderedIds.map((id, index) => sql`when ${id}::uuid then ${index + 1}::integer`);
      await db
        .update(agendaItems)
        .set({ position: sql`case ${agendaItems.id} ${sql.join(cases, sql` `)} end`, updatedAt: sql`now()` })
        .where(and(agendaOf(tenantId, sessionId), inArray(agendaItems.id, orderedIds)));
      return listAgenda(tenantId, sessionId);
    },
  };
}

import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { notifications } from '../schema';
import type { Db } from '../database';

export type Notification = typeof notifications.$inferSelect;

export interface NotificationRecord {
  tenantId: string;
  personId: string;
  /** What was sent, e.g. "proposal" or "match-made". */
  kind: string;
  /** The proposal, relationship... it was about. */
  subjectId?: string | null;
  activityId?: string | null;
  status: Notification['status'];
  /** A status code or error name; never message content. */
  error?: string | null;
}

export function notificationsRepository(db: Db) {
  return {
    async record(entry: NotificationRecord): Promise<void> {
      await db.insert(notifications).values(entry);
    },

    /** The last message of this kind about a subject that reached someone, so it can be updated in place. */
    async lastSent(tenantId: string, subjectId: string, kind: string): Promise<Notification | undefined> {
      const [row] = await db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.tenantId, tenantId),
            eq(notifications.subjectId, subjectId),
            eq(notifications.kind, kind),
            eq(notifications.status, 'sent'),
            isNotNull(notifications.activityId),
          ),
        )
        .orderBy(desc(notifications.id))
        .limit(1);
      return row;
    },

    async listForPerson(tenantId: string, personId: string): Promise<Notification[]> {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.tenantId, tenantId), eq(notifications.personId, personId)))
        .orderBy(notifications.id);
    },
  };
}

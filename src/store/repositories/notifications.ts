import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { conversationReferences, notifications } from '../schema';
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

export interface DeliveryRequest {
  tenantId: string;
  personId: string;
  kind: string;
  subjectId?: string | null;
  /** Names one delivery, unique per tenant; null for a message that may be sent again (each is its own row). */
  deliveryKey: string | null;
}

/**
 * A delivery this caller now owns, counted as its first attempt. `claimedAt`
 * is the fencing token: every later write is conditional on it, so an owner
 * whose claim was taken over (it stalled past the lease) can no longer record
 * anything for the key.
 */
export interface DeliveryClaim {
  id: number;
  claimedAt: Date;
  /** Attempts so far, this one included. */
  attempts: number;
  /** True when a claimer before us died or failed; `attempts > 1` then means an earlier send may have reached Teams. */
  takenOver: boolean;
}

export type ClaimOutcome =
  | { claimed: true; claim: DeliveryClaim }
  | { claimed: false; status: Notification['status']; activityId: string | null };

export interface DeliveryOutcome {
  status: 'sent' | 'failed' | 'unreachable';
  activityId?: string | null;
  error?: string | null;
}

// Claims are stamped in whole milliseconds so the token survives the round trip through a JS Date.
const nowMs = sql`date_trunc('milliseconds', now())`;

export function notificationsRepository(db: Db) {
  const fenced = (claim: DeliveryClaim) =>
    and(eq(notifications.id, claim.id), eq(notifications.status, 'sending'), eq(notifications.claimedAt, claim.claimedAt));

  return {
    async record(entry: NotificationRecord): Promise<void> {
      await db.insert(notifications).values(entry);
    },

    /**
     * Claims a keyed delivery: the first caller inserts it as 'sending';
     * later callers get it only when it failed or its claim is older than
     * the lease (the claimer died). One conditional statement each, so of
     * two instances racing exactly one wins.
     */
    async claimDelivery(request: DeliveryRequest, leaseMs: number): Promise<ClaimOutcome> {
      const [inserted] = await db
        .insert(notifications)
        .values({ ...request, subjectId: request.subjectId ?? null, status: 'sending', claimedAt: nowMs, attempts: 1 })
        .onConflictDoNothing({ target: [notifications.tenantId, notifications.deliveryKey], where: sql`delivery_key is not null` })
        .returning({ id: notifications.id, claimedAt: notifications.claimedAt, attempts: notifications.attempts });
      if (inserted) return { claimed: true, claim: { id: inserted.id, claimedAt: inserted.claimedAt!, attempts: inserted.attempts, takenOver: false } };
      // Without a key nothing can conflict; an unkeyed message always gets its own row.
      if (request.deliveryKey === null) throw new Error('an unkeyed notification was not recorded');
      const deliveryKey = request.deliveryKey;

      const [taken] = await db
        .update(notifications)
        .set({ status: 'sending', claimedAt: nowMs, attempts: sql`${notifications.attempts} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(notifications.tenantId, request.tenantId),
            eq(notifications.deliveryKey, deliveryKey),
            sql`(${notifications.status} = 'failed' or (${notifications.status} = 'sending' and ${notifications.claimedAt} < now() - ${leaseMs} * interval '1 millisecond'))`,
          ),
        )
        .returning({ id: notifications.id, claimedAt: notifications.claimedAt, attempts: notifications.attempts });
      if (taken) return { claimed: true, claim: { id: taken.id, claimedAt: taken.claimedAt!, attempts: taken.attempts, takenOver: true } };

      const [existing] = await db
        .select({ status: notifications.status, activityId: notifications.activityId })
        .from(notifications)
        .where(and(eq(notifications.tenantId, request.tenantId), eq(notifications.deliveryKey, deliveryKey)));
      // Gone between the statements (the person was deleted): nothing to send to.
      if (!existing) return { claimed: false, status: 'unreachable', activityId: null };
      return { claimed: false, ...existing };
    },

    /**
     * Counts another attempt and renews the claim just before it is sent;
     * undefined when the claim was lost, and then the caller must not send.
     */
    async startAttempt(claim: DeliveryClaim): Promise<DeliveryClaim | undefined> {
      const [row] = await db
        .update(notifications)
        .set({ attempts: sql`${notifications.attempts} + 1`, claimedAt: nowMs, updatedAt: sql`now()` })
        .where(fenced(claim))
        .returning({ claimedAt: notifications.claimedAt, attempts: notifications.attempts });
      return row ? { ...claim, claimedAt: row.claimedAt!, attempts: row.attempts } : undefined;
    },

    /** Notes why an attempt failed while the delivery is still being retried. */
    async noteAttemptError(claim: DeliveryClaim, error: string): Promise<void> {
      await db.update(notifications).set({ error, updatedAt: sql`now()` }).where(fenced(claim));
    },

    /** Ends a claimed delivery; false when the claim had been lost meanwhile. */
    async finishDelivery(claim: DeliveryClaim, outcome: DeliveryOutcome): Promise<boolean> {
      const rows = await db
        .update(notifications)
        .set({
          status: outcome.status,
          activityId: outcome.activityId ?? null,
          error: outcome.error ?? null,
          claimedAt: null,
          updatedAt: sql`now()`,
        })
        .where(fenced(claim))
        .returning({ id: notifications.id });
      return rows.length > 0;
    },

    async getDelivery(tenantId: string, deliveryKey: string): Promise<Notification | undefined> {
      const [row] = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.tenantId, tenantId), eq(notifications.deliveryKey, deliveryKey)));
      return row;
    },

    /**
     * Teams refused the person's chat (403: the app was uninstalled or
     * blocked): proactive messages stop until they talk to the bot again,
     * which saves a fresh conversation reference and clears the mark.
     */
    async markUnreachable(tenantId: string, personId: string): Promise<void> {
      await db
        .update(conversationReferences)
        .set({ unreachableAt: sql`now()`, updatedAt: sql`now()` })
        .where(
          and(
            eq(conversationReferences.tenantId, tenantId),
            eq(conversationReferences.personId, personId),
            isNull(conversationReferences.unreachableAt),
          ),
        );
    },

    /** The last message of this kind about a subject that reached someone, so it can be updated in place. */
    async lastSent(tenantId: string, subjectId: string, kind: string, personId?: string): Promise<Notification | undefined> {
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
            personId === undefined ? undefined : eq(notifications.personId, personId),
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

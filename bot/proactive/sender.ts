/**
 * The one way Tandem messages people without being asked: into their 1:1 chat
 * with the bot, from the conversation reference kept at their last turn.
 *
 * It keeps within Teams' rate limits (rateLimiter.ts) and owns the retry
 * policy: the Connector client's own retry policy (@azure/core-rest-pipeline's
 * defaultRetryPolicy, which would retry 429/5xx up to 3 times underneath us)
 * is removed from each client before sending, so one logical attempt here is
 * one HTTP request there and every attempt is counted in the ledger. 429, 412,
 * 502 and 504 are retried with exponential backoff and jitter, waiting at
 * least what Retry-After asks; 403 (uninstalled or blocked) and 404 are not
 * retried and mark the person unreachable until they talk to the bot again.
 *
 * Every message has a row in `notifications`. A keyed delivery (`deliver`)
 * claims its row first, so it is sent at most once per key across retries,
 * restarts and instances, except in one window Teams gives us no way to
 * close: the Connector accepted the message and the process died before the
 * row said 'sent'. After the lease another instance takes the claim over and
 * sends again; the row's `attempts` shows it may be a repeat. The window is one
 * HTTP response plus one UPDATE: nothing else runs between them.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { DeliveryClaim } from '../../src/store/repositories/notifications';
import type { Store } from '../../src/store/store';
import { CONVERSATION_WINDOWS, createRateLimiter, tenantWindows } from './rateLimiter';

const RETRIED = new Set([429, 412, 502, 504]);
const GONE = new Set([403, 404]);
const DEFAULT_MAX_ATTEMPTS = 5;
/** A claim older than this belongs to an instance that died; another may take it over. */
export const DEFAULT_CLAIM_LEASE_MS = 120_000;
const MAX_BACKOFF_MS = 30_000;

export type DeliveryStatus = 'sent' | 'already-sent' | 'in-flight' | 'unreachable' | 'failed';

export interface SendMeta {
  kind: string;
  subjectId?: string;
}

export interface DeliveryMeta extends SendMeta {
  /** Names this one message, e.g. `reminder:<session>:<offset>:<startsAt>:<person>`; unique per tenant. */
  deliveryKey: string;
}

export interface DeliveryResult {
  status: DeliveryStatus;
  activityId?: string;
}

export interface ProactiveSenderDeps {
  adapter: CloudAdapter;
  /** The bot's app id; empty when running anonymously against the Playground. */
  appId: string;
  store: Store;
  logger: Logger;
  /** Per app per tenant, in this process (PROACTIVE_TENANT_RATE_PER_SECOND). */
  tenantRatePerSecond?: number;
  claimLeaseMs?: number;
  maxAttempts?: number;
  /** Waits between attempts (tests record them instead). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export function createProactiveSender(deps: ProactiveSenderDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = deps.random ?? Math.random;
  // Waiting for a place in a window is real time even when tests shorten the backoff.
  const limiter = createRateLimiter();
  const tenantLimit = tenantWindows(deps.tenantRatePerSecond ?? 30);
  const leaseMs = deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const notifications = deps.store.notifications;

  /** Exponential with jitter, never shorter than what the Connector asked for. */
  function backoff(attempt: number, retryAfterMs: number | undefined): number {
    const base = Math.min(2 ** attempt * 250, MAX_BACKOFF_MS);
    return Math.max(retryAfterMs ?? 0, base + random() * base * 0.5);
  }

  /**
   * Runs one claimed message to its end: attempts within the limits until it
   * is sent, refused, out of attempts, or the claim is lost to another
   * instance (then 'in-flight': the other one finishes it).
   */
  async function run(
    claim: DeliveryClaim,
    tenantId: string,
    personId: string,
    meta: SendMeta,
    work: (context: TurnContext) => Promise<string | undefined>,
  ): Promise<DeliveryResult> {
    const conversation = await deps.store.people.getConversation(tenantId, personId);
    if (!conversation || conversation.unreachableAt) {
      await notifications.finishDelivery(claim, {
        status: 'unreachable',
        error: conversation ? 'marked-unreachable' : 'no-conversation',
      });
      return { status: 'unreachable' };
    }
    if (claim.takenOver && claim.attempts > 1) {
      // The last claimer may have been killed after Teams accepted the message: this send may repeat it.
      deps.logger.warn({ kind: meta.kind, personId, attempts: claim.attempts }, 'taking over an interrupted delivery');
    }

    let current = claim;
    for (let attempt = 1; ; attempt++) {
      await limiter.acquire([
        { key: `c:${conversation.conversationId}`, windows: CONVERSATION_WINDOWS },
        { key: `t:${tenantId}`, windows: tenantLimit },
      ]);
      // The claim counts as the first attempt; later ones (and a first one that waited long for
      // its place) renew it first, and stop if another instance has taken it over meanwhile.
      if (attempt > 1 || Date.now() - current.claimedAt.getTime() > leaseMs / 4) {
        const renewed = await notifications.startAttempt(current);
        if (!renewed) return { status: 'in-flight' };
        current = renewed;
      }

      let activityId: string | undefined;
      try {
        let refused: unknown;
        await deps.adapter.continueConversationAsync(
          deps.appId,
          conversation.reference as Partial<ConversationReference>,
          async (context) => {
            // Caught here: thrown, it would reach the adapter's onTurnError, which answers and swallows it.
            try {
              withoutClientRetries(context);
              activityId = await work(context);
            } catch (error) {
              refused = error ?? new Error('send failed');
            }
          },
        );
        if (refused) throw refused;
      } catch (error) {
        const status = statusOf(error);
        const code = status ? String(status) : errorName(error);
        const retryAfterMs = retryAfterOf(error);
        const wait = status !== undefined && RETRIED.has(status) ? backoff(attempt, retryAfterMs) : undefined;
        if (wait !== undefined && attempt < maxAttempts && wait < leaseMs / 2) {
          await notifications.noteAttemptError(current, code);
          await sleep(wait);
          continue;
        }
        const unreachable = status !== undefined && GONE.has(status);
        deps.logger.warn({ kind: meta.kind, personId, status, attempts: current.attempts }, 'proactive message failed');
        await notifications.finishDelivery(current, { status: unreachable ? 'unreachable' : 'failed', error: code });
        if (unreachable) await notifications.markUnreachable(tenantId, personId);
        return { status: unreachable ? 'unreachable' : 'failed' };
      }
      // First thing after Teams accepted it: this UPDATE is the whole crash window.
      const recorded = await notifications.finishDelivery(current, { status: 'sent', activityId: activityId ?? null });
      if (!recorded) deps.logger.warn({ kind: meta.kind, personId }, 'sent after losing the claim; the message may repeat');
      return { status: 'sent', activityId };
    }
  }

  async function unkeyed(
    tenantId: string,
    personId: string,
    meta: SendMeta,
    work: (context: TurnContext) => Promise<string | undefined>,
  ): Promise<string | undefined> {
    const claimed = await notifications.claimDelivery({ tenantId, personId, ...meta, deliveryKey: null }, leaseMs);
    if (!claimed.claimed) return undefined;
    const result = await run(claimed.claim, tenantId, personId, meta, work);
    return result.status === 'sent' ? result.activityId : undefined;
  }

  return {
    /** Sends a new message; returns its id, or undefined when it could not be delivered (recorded, not thrown). */
    send(tenantId: string, personId: string, activity: Partial<Activity>, meta: SendMeta): Promise<string | undefined> {
      return unkeyed(tenantId, personId, meta, async (context) => (await context.sendActivity(activity))?.id);
    },

    /** Sends a keyed message at most once per key across retries, restarts and instances (see the ledger above). */
    async deliver(
      tenantId: string,
      personId: string,
      activity: Partial<Activity>,
      meta: DeliveryMeta,
    ): Promise<DeliveryResult> {
      const claimed = await notifications.claimDelivery({ tenantId, personId, ...meta }, leaseMs);
      if (!claimed.claimed) {
        if (claimed.status === 'sent') return { status: 'already-sent', activityId: claimed.activityId ?? undefined };
        if (claimed.status === 'unreachable') return { status: 'unreachable' };
        return { status: 'in-flight' };
      }
      return run(claimed.claim, tenantId, personId, meta, async (context) => (await context.sendActivity(activity))?.id);
    },

    /** The id of the last message of this kind about a subject that reached its person. */
    async lastSent(tenantId: string, subjectId: string, kind: string): Promise<string | undefined> {
      return (await notifications.lastSent(tenantId, subjectId, kind))?.activityId ?? undefined;
    },

    /** The id of the last message of this kind about a subject that reached this person (to update their copy of a card). */
    async lastSentTo(tenantId: string, personId: string, subjectId: string, kind: string): Promise<string | undefined> {
      return (await notifications.lastSent(tenantId, subjectId, kind, personId))?.activityId ?? undefined;
    },

    /** Replaces a message sent before (a card that reached its final state). */
    update(tenantId: string, personId: string, activityId: string, activity: Partial<Activity>, meta: SendMeta) {
      return unkeyed(tenantId, personId, meta, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
        return activityId;
      });
    },
  };
}

export type ProactiveSender = ReturnType<typeof createProactiveSender>;

interface PipelineOwner {
  client?: { pipeline?: { removePolicy(options: { phase: 'Retry' }): unknown } };
}

/**
 * Takes the retry phase out of this turn's Connector client (a new client is
 * made for every proactive turn), so a throttled send is retried once, here.
 */
function withoutClientRetries(context: TurnContext): void {
  const connector = context.turnState.get<PipelineOwner | undefined>(context.adapter.ConnectorClientKey);
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function errorName(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown };
  return typeof e?.code === 'string' ? e.code : typeof e?.name === 'string' ? e.name : 'Error';
}

/** Retry-After in seconds or as an HTTP date, from the Connector's RestError. */
function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } })?.response?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

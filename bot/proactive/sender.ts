/**
 * The one way Tandem messages people without being asked: into their 1:1 chat
 * with the bot, from the conversation reference kept at their last turn.
 * It keeps within Teams' rate limits and records every attempt. The Connector
 * client already retries 429 (after Retry-After) and 5xx with backoff; a 412
 * (a conflicting concurrent write in Teams) is retried here, with jitter.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Store } from '../../src/store/store';
import { CONVERSATION_WINDOWS, TENANT_WINDOWS, createRateLimiter } from './rateLimiter';

const RETRIED_HERE = new Set([412]);
const MAX_ATTEMPTS = 4;

export interface SendMeta {
  kind: string;
  subjectId?: string;
}

export interface ProactiveSenderDeps {
  adapter: CloudAdapter;
  /** The bot's app id; empty when running anonymously against the Playground. */
  appId: string;
  store: Store;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

export function createProactiveSender(deps: ProactiveSenderDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const limiter = createRateLimiter(Date.now, sleep);

  async function withRetries<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const status = statusOf(error);
        if (attempt >= MAX_ATTEMPTS || status === undefined || !RETRIED_HERE.has(status)) throw error;
        await sleep(2 ** attempt * 250 + Math.random() * 250);
      }
    }
  }

  /** Runs `work` in the person's 1:1 chat; false when there is no chat to reach them in. */
  async function inChat(tenantId: string, personId: string, meta: SendMeta, work: (context: TurnContext) => Promise<string | undefined>) {
    const conversation = await deps.store.people.getConversation(tenantId, personId);
    if (!conversation) {
      await deps.store.notifications.record({ tenantId, personId, ...meta, status: 'unreachable', error: 'no-conversation' });
      return undefined;
    }
    await limiter.acquire([
      { key: `c:${conversation.conversationId}`, windows: CONVERSATION_WINDOWS },
      { key: `t:${tenantId}`, windows: TENANT_WINDOWS },
    ]);
    try {
      let activityId: string | undefined;
      await withRetries(() =>
        deps.adapter.continueConversationAsync(
          deps.appId,
          conversation.reference as Partial<ConversationReference>,
          async (context) => {
            activityId = await work(context);
          },
        ),
      );
      await deps.store.notifications.record({ tenantId, personId, ...meta, activityId: activityId ?? null, status: 'sent' });
      return activityId;
    } catch (error) {
      const status = statusOf(error);
      deps.logger.warn({ kind: meta.kind, personId, status }, 'proactive message failed');
      await deps.store.notifications.record({
        tenantId,
        personId,
        ...meta,
        status: status === 403 || status === 404 ? 'unreachable' : 'failed',
        error: status ? String(status) : ((error as Error).name ?? 'Error'),
      });
      return undefined;
    }
  }

  return {
    /** Sends a new message; returns its id, or undefined when it could not be delivered (recorded, not thrown). */
    send(tenantId: string, personId: string, activity: Partial<Activity>, meta: SendMeta): Promise<string | undefined> {
      return inChat(tenantId, personId, meta, async (context) => (await context.sendActivity(activity))?.id);
    },

    /** The id of the last message of this kind about a subject that reached its person. */
    async lastSent(tenantId: string, subjectId: string, kind: string): Promise<string | undefined> {
      return (await deps.store.notifications.lastSent(tenantId, subjectId, kind))?.activityId ?? undefined;
    },

    /** Replaces a message sent before (a card that reached its final state). */
    update(tenantId: string, personId: string, activityId: string, activity: Partial<Activity>, meta: SendMeta) {
      return inChat(tenantId, personId, meta, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
        return activityId;
      });
    },
  };
}

export type ProactiveSender = ReturnType<typeof createProactiveSender>;

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

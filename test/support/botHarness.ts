/**
 * The real Tandem server (restify, adapter, bot, use cases, database) on a free
 * port, talked to over HTTP the way Teams does: messages with
 * `deliveryMode: expectReplies` (replies come back in the response), invokes
 * (the invoke response comes back), and everything else sent to a fake Bot
 * Connector.
 */
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startTandem, type RunningTandem } from '../../src/main';
import type { Database } from '../../src/store/database';
import type { Clock } from '../../src/services/ports';
import { adaptiveCardsIn, type CardJson } from './cards';
import { startFakeConnector, type FakeConnector } from './fakeConnector';
import type { TestDatabaseTarget } from './databases';
import type { FakeGraphSettings } from './fakeGraph';

export const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';

export interface Harness {
  app: RunningTandem;
  connector: FakeConnector;
  database: Database;
  user(id: string, options?: Partial<UserOptions>): TeamsUser;
  post(body: unknown, contentType?: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface UserOptions {
  name: string | undefined;
  tenantId: string;
  aadObjectId: string;
  timeZone: string;
}

export interface InvokeResult {
  status: number;
  /** `application/vnd.microsoft.card.adaptive` with a card, or `...activity.message` with text. */
  type: string;
  card?: CardJson;
  message?: string;
}

export interface TeamsUser {
  id: string;
  conversationId: string;
  install(): Promise<Record<string, unknown>[]>;
  say(text: string): Promise<Record<string, unknown>[]>;
  sendRaw(activity: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  click(verb: string, data: Record<string, unknown>, replyToId?: string): Promise<InvokeResult>;
}

export interface HarnessOptions {
  clock: Clock;
  env: Record<string, string>;
  /** Microsoft Graph on (the fake's settings, and its fetch that trusts its certificate), with the bot still anonymous. */
  graph: { settings: FakeGraphSettings; fetch: typeof fetch };
}

export async function startHarness(target: TestDatabaseTarget, options: Partial<HarnessOptions> = {}): Promise<Harness> {
  const connector = await startFakeConnector();
  const database = await target.open();
  const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...options.env });
  const config = options.graph ? { ...loaded, graph: { enabled: true as const, ...options.graph.settings } } : loaded;
  const app = await startTandem(config, {
    database,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    clock: options.clock,
    jobPollingSeconds: 0.5,
    graphFetch: options.graph?.fetch,
  });

  async function post(body: unknown, contentType = 'application/json') {
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  function user(id: string, options: Partial<UserOptions> = {}): TeamsUser {
    const tenantId = options.tenantId ?? TENANT;
    const conversationId = `a:personal-${tenantId}-${id}`;
    const base = () => ({
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id, name: 'name' in options ? options.name : 'Ann Lee', aadObjectId: options.aadObjectId ?? `aad-${id}` },
      recipient: { id: '28:tandem-bot', name: 'Tandem' },
      conversation: { id: conversationId, conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
      locale: 'en-GB',
      localTimezone: options.timeZone ?? 'Europe/Berlin',
      timestamp: new Date().toISOString(),
    });
    const expectReplies = async (activity: Record<string, unknown>) => {
      const { status, body } = await post({ ...base(), ...activity, deliveryMode: 'expectReplies' });
      if (status !== 200) throw new Error(`HTTP ${status}: ${JSON.stringify(body)}`);
      return ((body as { activities?: Record<string, unknown>[] })?.activities ?? []) as Record<string, unknown>[];
    };
    return {
      id,
      conversationId,
      async install() {
        const fromInstall = await expectReplies({ type: 'installationUpdate', action: 'add', from: { id } });
        const fromUpdate = await expectReplies({
          type: 'conversationUpdate',
          from: { id },
          membersAdded: [{ id }, { id: '28:tandem-bot' }],
        });
        return [...fromInstall, ...fromUpdate];
      },
      say: (text) => expectReplies({ type: 'message', text, textFormat: 'plain' }),
      sendRaw: (activity) => expectReplies(activity),
      async click(verb, data, replyToId = 'card-message-1') {
        const { status, body } = await post({
          ...base(),
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId,
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        });
        const response = body as { statusCode?: number; type: string; value: unknown };
        return {
          status,
          type: response.type,
          card: typeof response.value === 'object' ? (response.value as CardJson) : undefined,
          message: typeof response.value === 'string' ? response.value : undefined,
        };
      },
    };
  }

  return {
    app,
    connector,
    database,
    user,
    post,
    async close() {
      await app.close();
      await database.close();
      await connector.close();
    },
  };
}

/** The Adaptive Cards in a list of reply activities. */
export function cardsIn(activities: Record<string, unknown>[]): CardJson[] {
  return activities.flatMap((a) => adaptiveCardsIn(a.attachments as { contentType: string; content: unknown }[] | undefined));
}

export function textsIn(activities: Record<string, unknown>[]): string[] {
  return activities.filter((a) => typeof a.text === 'string').map((a) => a.text as string);
}

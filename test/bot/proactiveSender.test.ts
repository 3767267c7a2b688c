/**
 * The proactive sender against a fake Bot Connector that throttles and fails
 * as the real one does, on a real store: retries what Teams asks to retry,
 * gives up on what it cannot deliver, records every attempt, keeps the limits.
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import pino from 'pino';
import { createProactiveSender, type ProactiveSender } from '../../bot/proactive/sender';
import { createRateLimiter, CONVERSATION_WINDOWS } from '../../bot/proactive/rateLimiter';
import type { Database } from '../../src/store/database';
import { createStore, type Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';

describe.each(testDatabaseTargets)('the proactive sender, on $name', (target) => {
  let database: Database;
  let store: Store;
  let connector: FakeConnector;
  let sender: ProactiveSender;
  const waits: number[] = [];
  const tenantId = 'tenant-a';
  let personId: string;

  beforeAll(async () => {
    database = await target.open();
    store = createStore(database.db);
    connector = await startFakeConnector();
    await store.tenants.ensure(tenantId);
    const person = await store.people.upsertSeen({ tenantId, teamsUserId: '29:ann', name: 'Ann Lee' });
    personId = person.id;
    await store.people.saveConversation(tenantId, person.id, {
      conversationId: 'a:ann',
      serviceUrl: connector.serviceUrl,
      channelId: 'msteams',
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        conversation: { id: 'a:ann', conversationType: 'personal', tenantId },
        bot: { id: '28:tandem', name: 'Tandem' },
        user: { id: '29:ann', name: 'Ann Lee' },
      },
    });
    sender = createProactiveSender({
      adapter: new TeamsAdapter({}),
      appId: '',
      store,
      logger: pino({ level: 'silent' }),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
  });
  afterAll(async () => {
    await connector.close();
    await database.close();
  });

  const recorded = async () => store.notifications.listForPerson(tenantId, personId);

  it('sends into the person\'s 1:1 chat and records the message id', async () => {
    const id = await sender.send(tenantId, personId, { type: 'message', text: 'hello' }, { kind: 'test', subjectId: 's1' });
    expect(id).toMatch(/^activity-/);
    expect(connector.calls.at(-1)).toMatchObject({ method: 'POST', conversationId: 'a:ann', body: { text: 'hello' } });
    expect(await sender.lastSent(tenantId, 's1', 'test')).toBe(id);
  });

  it('delivers a throttled send once, after the Retry-After the Connector asked for', async () => {
    const before = connector.calls.length;
    const started = Date.now();
    connector.failNext(1, 429, 1);
    const id = await sender.send(tenantId, personId, { type: 'message', text: 'after throttling' }, { kind: 'test' });
    expect(id).toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(connector.calls.length - before).toBe(1);
  });

  it('retries a 412 with backoff and delivers once', async () => {
    waits.length = 0;
    const before = connector.calls.length;
    connector.failNext(2, 412);
    expect(await sender.send(tenantId, personId, { type: 'message', text: 'after a conflict' }, { kind: 'test' })).toBeDefined();
    expect(connector.calls.length - before).toBe(1);
    expect(waits).toHaveLength(2);
    expect(waits[0]!).toBeGreaterThanOrEqual(500);
    expect(waits[1]!).toBeGreaterThanOrEqual(1000);
  });

  it('gives up after its attempts and records the failure without throwing', async () => {
    connector.failNext(4, 412);
    const id = await sender.send(tenantId, personId, { type: 'message', text: 'never arrives' }, { kind: 'test-failed' });
    expect(id).toBeUndefined();
    expect((await recorded()).at(-1)).toMatchObject({ kind: 'test-failed', status: 'failed', error: '412' });
  });

  it('does not retry a person who blocked the bot, and marks them unreachable', async () => {
    waits.length = 0;
    connector.failNext(1, 403);
    const id = await sender.send(tenantId, personId, { type: 'message', text: 'blocked' }, { kind: 'test-blocked' });
    expect(id).toBeUndefined();
    expect(waits).toEqual([]);
    expect((await recorded()).at(-1)).toMatchObject({ kind: 'test-blocked', status: 'unreachable', error: '403' });
    // The failure was used up by one attempt: the next send goes straight through.
    expect(await sender.send(tenantId, personId, { type: 'message', text: 'later' }, { kind: 'test' })).toBeDefined();
  });

  it('records a person with no 1:1 chat as unreachable', async () => {
    const other = await store.people.upsertSeen({ tenantId, teamsUserId: '29:nochat', name: 'No Chat' });
    expect(await sender.send(tenantId, other.id, { type: 'message', text: 'x' }, { kind: 'test' })).toBeUndefined();
    expect(await store.notifications.listForPerson(tenantId, other.id)).toEqual([
      expect.objectContaining({ status: 'unreachable', error: 'no-conversation' }),
    ]);
  });
});

/** Sends `count` messages into one conversation on a clock that moves only when the limiter waits. */
async function sendInOneConversation(count: number) {
  const clock = { now: 0 };
  const limiter = createRateLimiter(
    () => clock.now,
    async (ms) => {
      clock.now += ms;
    },
  );
  const sentAt: number[] = [];
  for (let i = 0; i < count; i++) {
    await limiter.acquire([{ key: 'c', windows: CONVERSATION_WINDOWS }]);
    sentAt.push(clock.now);
  }
  return { limiter, sentAt, now: () => clock.now };
}

describe('the rate limiter', () => {
  it('lets 7 messages a second into one conversation and holds the 8th until the window moves', async () => {
    const { sentAt } = await sendInOneConversation(8);
    expect(sentAt.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(sentAt[7]).toBe(1000);
  });

  it('holds the 61st message in 30 seconds', async () => {
    const { limiter, sentAt, now } = await sendInOneConversation(61);
    expect(sentAt[59]).toBeLessThan(30_000);
    expect(sentAt[60]).toBeGreaterThanOrEqual(30_000);
    // Separate conversations do not hold each other up.
    const before = now();
    await limiter.acquire([{ key: 'other', windows: CONVERSATION_WINDOWS }]);
    expect(now()).toBe(before);
  });
});

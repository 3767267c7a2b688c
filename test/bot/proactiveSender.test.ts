/**
 * The proactive sender against a fake Bot Connector that throttles and fails
 * as the real one does, on a real store: retries what Teams asks to retry
 * (itself, not the Connector client underneath), gives up on what it cannot
 * deliver, records every attempt, keeps the limits, and sends a keyed
 * delivery once however often and from wherever it is asked.
 */
import { TeamsAdapter } from '@microsoft/teams-ai';
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { createProactiveSender, type ProactiveSender } from '../../bot/proactive/sender';
import { createRateLimiter, CONVERSATION_WINDOWS, tenantWindows } from '../../bot/proactive/rateLimiter';
import { loadConfig } from '../../src/config';
import type { Database } from '../../src/store/database';
import { conversationReferences, notifications } from '../../src/store/schema';
import { createStore, type Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { savePersonalChat } from '../support/personalChats';

describe.each(testDatabaseTargets)('the proactive sender, on $name', (target) => {
  let database: Database;
  let store: Store;
  let connector: FakeConnector;
  let sender: ProactiveSender;
  const waits: number[] = [];
  const tenantId = 'tenant-a';
  let personId: string;
  let otherId: string;

  async function seedChat(teamsUserId: string, name: string) {
    const person = await store.people.upsertSeen({ tenantId, teamsUserId, name });
    await savePersonalChat(store, connector, tenantId, person);
    return person.id;
  }

  const newSender = () => {
    const adapter = new TeamsAdapter({});
    // As in the app: a turn error handler that answers and swallows errors must not hide a failed send.
    adapter.onTurnError = async () => {};
    return createProactiveSender({
      adapter,
      appId: '',
      store,
      logger: pino({ level: 'silent' }),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
  };

  beforeAll(async () => {
    database = await target.open();
    store = createStore(database.db);
    connector = await startFakeConnector();
    await store.tenants.ensure(tenantId);
    personId = await seedChat('29:ann', 'Ann Lee');
    otherId = await seedChat('29:bo', 'Bo Diaz');
    sender = newSender();
  });
  afterAll(async () => {
    await connector.close();
    await database.close();
  });
  beforeEach(() => {
    waits.length = 0;
  });

  const recorded = async (who = personId) => store.notifications.listForPerson(tenantId, who);
  const message = (text: string) => ({ type: 'message' as const, text });

  it("sends into the person's 1:1 chat and records the message id", async () => {
    const id = await sender.send(tenantId, personId, message('hello'), { kind: 'test', subjectId: 's1' });
    expect(id).toMatch(/^activity-/);
    expect(connector.calls.at(-1)).toMatchObject({ method: 'POST', conversationId: 'a:29:ann', body: { text: 'hello' } });
    expect(await sender.lastSent(tenantId, 's1', 'test')).toBe(id);
    expect((await recorded()).at(-1)).toMatchObject({ status: 'sent', activityId: id, attempts: 1, claimedAt: null });
  });

  it('retries a 429 itself, once, after the Retry-After the Connector asked for', async () => {
    const before = { calls: connector.calls.length, attempts: connector.attempts() };
    connector.failNext(1, 429, 3);
    const id = await sender.send(tenantId, personId, message('after throttling'), { kind: 'test-429' });
    expect(id).toBeDefined();
    // Two HTTP requests in all: the Connector client did not retry underneath the sender.
    expect(connector.attempts() - before.attempts).toBe(2);
    expect(connector.calls.length - before.calls).toBe(1);
    expect(waits).toHaveLength(1);
    expect(waits[0]!).toBeGreaterThanOrEqual(3000);
    expect((await recorded()).at(-1)).toMatchObject({ kind: 'test-429', status: 'sent', attempts: 2 });
  });

  it('retries 412, 502 and 504 with growing, jittered waits and delivers once', async () => {
    const before = connector.calls.length;
    connector.failNext(1, 412);
    connector.failNext(1, 502);
    connector.failNext(1, 504);
    expect(await sender.send(tenantId, personId, message('after a conflict'), { kind: 'test' })).toBeDefined();
    expect(connector.calls.length - before).toBe(1);
    expect(waits).toHaveLength(3);
    expect(waits[0]!).toBeGreaterThanOrEqual(500);
    expect(waits[1]!).toBeGreaterThanOrEqual(1000);
    expect(waits[2]!).toBeGreaterThanOrEqual(2000);
    expect(waits[2]!).toBeLessThanOrEqual(3000);
  });

  it('gives up after its attempts and records the failure and how many there were, without throwing', async () => {
    connector.failNext(5, 412);
    const id = await sender.send(tenantId, personId, message('never arrives'), { kind: 'test-failed' });
    expect(id).toBeUndefined();
    expect((await recorded()).at(-1)).toMatchObject({ kind: 'test-failed', status: 'failed', error: '412', attempts: 5 });
  });

  it('does not retry a person who blocked the bot, marks them unreachable, and skips them until they come back', async () => {
    connector.failNext(1, 403);
    const id = await sender.send(tenantId, otherId, message('blocked'), { kind: 'test-blocked' });
    expect(id).toBeUndefined();
    expect(waits).toEqual([]);
    expect((await recorded(otherId)).at(-1)).toMatchObject({ kind: 'test-blocked', status: 'unreachable', error: '403' });
    expect((await store.people.getConversation(tenantId, otherId))!.unreachableAt).toBeInstanceOf(Date);

    const attempts = connector.attempts();
    expect(await sender.send(tenantId, otherId, message('still blocked'), { kind: 'test' })).toBeUndefined();
    expect(connector.attempts()).toBe(attempts);
    expect((await recorded(otherId)).at(-1)).toMatchObject({ status: 'unreachable', error: 'marked-unreachable' });

    // Talking to the bot again saves the chat afresh and clears the mark.
    await seedChat('29:bo', 'Bo Diaz');
    expect(await sender.send(tenantId, otherId, message('welcome back'), { kind: 'test' })).toBeDefined();
  });

  it('records a person with no 1:1 chat as unreachable', async () => {
    const other = await store.people.upsertSeen({ tenantId, teamsUserId: '29:nochat', name: 'No Chat' });
    expect(await sender.send(tenantId, other.id, message('x'), { kind: 'test' })).toBeUndefined();
    expect(
      await sender.deliver(tenantId, other.id, message('x'), { kind: 'test', deliveryKey: 'k-nochat' }),
    ).toEqual({ status: 'unreachable' });
    expect(await store.notifications.listForPerson(tenantId, other.id)).toEqual([
      expect.objectContaining({ status: 'unreachable', error: 'no-conversation', deliveryKey: null }),
      expect.objectContaining({ status: 'unreachable', error: 'no-conversation', deliveryKey: 'k-nochat' }),
    ]);
  });

  describe('a keyed delivery', () => {
    const meta = (deliveryKey: string) => ({ kind: 'reminder', subjectId: 'session-1', deliveryKey });
    const sentWith = (text: string) => connector.calls.filter((c) => c.body.text === text).length;

    it('is sent once however often it is asked for', async () => {
      const first = await sender.deliver(tenantId, personId, message('once'), meta('k-once'));
      expect(first).toEqual({ status: 'sent', activityId: expect.stringMatching(/^activity-/) });
      expect(await sender.deliver(tenantId, personId, message('once'), meta('k-once'))).toEqual({
        status: 'already-sent',
        activityId: first.activityId,
      });
      // Another sender (another instance, or the app after a restart) finds it in the ledger too.
      expect(await newSender().deliver(tenantId, personId, message('once'), meta('k-once'))).toMatchObject({
        status: 'already-sent',
      });
      expect(sentWith('once')).toBe(1);
    });

    it('is sent once when two instances ask at the same moment', async () => {
      const outcomes = await Promise.all(
        [sender, newSender(), newSender(), sender].map((s) => s.deliver(tenantId, personId, message('race'), meta('k-race'))),
      );
      expect(outcomes.filter((o) => o.status === 'sent')).toHaveLength(1);
      expect(outcomes.every((o) => ['sent', 'in-flight', 'already-sent'].includes(o.status))).toBe(true);
      expect(sentWith('race')).toBe(1);
    });

    it('is left to the instance holding a fresh claim, and taken over from one whose claim went stale', async () => {
      await database.db.insert(notifications).values({
        tenantId,
        personId,
        kind: 'reminder',
        deliveryKey: 'k-claimed',
        status: 'sending',
        claimedAt: sql`now()`,
        attempts: 1,
      });
      expect(await sender.deliver(tenantId, personId, message('claimed'), meta('k-claimed'))).toEqual({ status: 'in-flight' });
      expect(sentWith('claimed')).toBe(0);

      // The claimer died three minutes ago (past the two-minute lease).
      await database.db
        .update(notifications)
        .set({ claimedAt: sql`now() - interval '3 minutes'` })
        .where(and(eq(notifications.tenantId, tenantId), eq(notifications.deliveryKey, 'k-claimed')));
      expect(await sender.deliver(tenantId, personId, message('claimed'), meta('k-claimed'))).toMatchObject({ status: 'sent' });
      expect(sentWith('claimed')).toBe(1);
      expect(await store.notifications.getDelivery(tenantId, 'k-claimed')).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('is tried again after it failed, and then sent once', async () => {
      connector.failNext(5, 502);
      expect(await sender.deliver(tenantId, personId, message('flaky'), meta('k-flaky'))).toEqual({ status: 'failed' });
      expect(await store.notifications.getDelivery(tenantId, 'k-flaky')).toMatchObject({ status: 'failed', error: '502', attempts: 5 });
      expect(await sender.deliver(tenantId, personId, message('flaky'), meta('k-flaky'))).toMatchObject({ status: 'sent' });
      expect(await sender.deliver(tenantId, personId, message('flaky'), meta('k-flaky'))).toMatchObject({ status: 'already-sent' });
      expect(sentWith('flaky')).toBe(1);
      expect(await store.notifications.getDelivery(tenantId, 'k-flaky')).toMatchObject({ status: 'sent', attempts: 6, error: null });
    });

    it('is not sent again to someone Teams refused', async () => {
      connector.failNext(1, 404);
      expect(await sender.deliver(tenantId, personId, message('gone'), meta('k-gone'))).toEqual({ status: 'unreachable' });
      const attempts = connector.attempts();
      expect(await sender.deliver(tenantId, personId, message('gone'), meta('k-gone'))).toEqual({ status: 'unreachable' });
      expect(connector.attempts()).toBe(attempts);
      await database.db
        .update(conversationReferences)
        .set({ unreachableAt: null })
        .where(eq(conversationReferences.personId, personId));
    });

    it("finds each person's own copy of a card about a subject", async () => {
      const mine = await sender.deliver(tenantId, personId, message('card'), { kind: 'card', subjectId: 'sub-9', deliveryKey: 'card:a' });
      const theirs = await sender.deliver(tenantId, otherId, message('card'), { kind: 'card', subjectId: 'sub-9', deliveryKey: 'card:b' });
      expect(mine.activityId).not.toBe(theirs.activityId);
      expect(await sender.lastSentTo(tenantId, personId, 'sub-9', 'card')).toBe(mine.activityId);
      expect(await sender.lastSentTo(tenantId, otherId, 'sub-9', 'card')).toBe(theirs.activityId);
      expect(await sender.lastSentTo(tenantId, otherId, 'sub-9', 'other-kind')).toBeUndefined();
    });
  });
});

/** Sends `count` messages through the limiter on a clock that moves only when the limiter waits. */
async function sendThrough(count: number, keys: (i: number) => Parameters<ReturnType<typeof createRateLimiter>['acquire']>[0]) {
  const clock = { now: 0 };
  const limiter = createRateLimiter(
    () => clock.now,
    async (ms) => {
      clock.now += ms;
    },
  );
  const sentAt: number[] = [];
  for (let i = 0; i < count; i++) {
    await limiter.acquire(keys(i));
    sentAt.push(clock.now);
  }
  return { limiter, sentAt, now: () => clock.now };
}

const oneConversation = () => [{ key: 'c', windows: CONVERSATION_WINDOWS }];

describe('the rate limiter', () => {
  it('lets 7 messages a second into one conversation and holds the 8th until the window moves', async () => {
    const { sentAt } = await sendThrough(8, oneConversation);
    expect(sentAt.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(sentAt[7]).toBe(1000);
  });

  it('holds the 61st message in 30 seconds', async () => {
    const { limiter, sentAt, now } = await sendThrough(61, oneConversation);
    expect(sentAt[59]).toBeLessThan(30_000);
    expect(sentAt[60]).toBeGreaterThanOrEqual(30_000);
    // Separate conversations do not hold each other up.
    const before = now();
    await limiter.acquire([{ key: 'other', windows: CONVERSATION_WINDOWS }]);
    expect(now()).toBe(before);
  });

  it('keeps a tenant a little under its configured rate across many conversations', async () => {
    const { sentAt } = await sendThrough(100, (i) => [
      { key: `c${i}`, windows: CONVERSATION_WINDOWS },
      { key: 't', windows: tenantWindows(40) },
    ]);
    for (let i = 40; i < sentAt.length; i++) expect(sentAt[i]! - sentAt[i - 40]!).toBeGreaterThanOrEqual(1000);
    expect(sentAt.slice(38, 42)).toEqual([0, 0, 1050, 1050]);
    expect(sentAt[99]).toBe(2100);
  });

  it('forgets conversations whose windows have passed', async () => {
    const { limiter } = await sendThrough(500, (i) => [{ key: `c${i}`, windows: CONVERSATION_WINDOWS }, { key: 't', windows: tenantWindows(10) }]);
    // 500 sends at 10 a second took 50 seconds: the first conversations are 30 seconds behind.
    expect(limiter.size()).toBeLessThan(400);
  });
});

describe('the tenant rate setting', () => {
  it('is 30 a second unless PROACTIVE_TENANT_RATE_PER_SECOND says otherwise', () => {
    expect(loadConfig({}).proactive).toEqual({ tenantRatePerSecond: 30 });
    expect(loadConfig({ PROACTIVE_TENANT_RATE_PER_SECOND: '15' }).proactive).toEqual({ tenantRatePerSecond: 15 });
  });

  it.each(['0', '-3', '2.5', 'fast'])('rejects %s, naming the variable', (value) => {
    expect(() => loadConfig({ PROACTIVE_TENANT_RATE_PER_SECOND: value })).toThrow(/PROACTIVE_TENANT_RATE_PER_SECOND/);
  });
});

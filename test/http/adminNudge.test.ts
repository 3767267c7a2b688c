/**
 * POST /api/v1/programs/:programId/pairs/:relationshipId/nudge on the real
 * server, with the real proactive sender against a fake Bot Connector: admins
 * only (401, 403), only the program's own active pairs with nothing booked
 * (404, 409), both people sent the nudge card once a day (a repeat sends
 * nothing and records nothing), audited, and nobody sent it outside their
 * working hours (the answer says from when), and a card Teams refused
 * reported as not delivered.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startTandem, type RunningTandem } from '../../src/main';
import type { Database } from '../../src/store/database';
import { auditLog } from '../../src/store/schema';
import { createStore } from '../../src/store/store';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { savePersonalChat } from '../support/personalChats';
import { testDatabaseTargets } from '../support/databases';
import { NOW, TENANT, seedHealthFixture, type HealthFixture } from '../services/programHealthFixture';

describe.each(testDatabaseTargets)('nudging a pair from the admin API, on $name', (target) => {
  let database: Database;
  let app: RunningTandem;
  let connector: FakeConnector;
  let fx: HealthFixture;
  const clock = { at: NOW, now: () => new Date(clock.at) };
  const tokens: Record<string, string> = {};

  async function nudge(programId: string, relationshipId: string, token?: string) {
    const response = await fetch(`${app.url}/api/v1/programs/${programId}/pairs/${relationshipId}/nudge`, {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** The nudge cards the connector accepted, as "conversation: heading". */
  const nudgesReceived = () =>
    connector.calls
      .filter((c) => c.method === 'POST')
      .map((c) => {
        const card = (c.body.attachments as { content?: { body?: { text?: string }[] } }[] | undefined)?.[0]?.content;
        return `${c.conversationId}: ${card?.body?.find((b) => typeof b.text === 'string' && b.text.startsWith('Time for'))?.text}`;
      });

  const nudgeAudits = async (relationshipId: string) =>
    database.db.select().from(auditLog).where(and(eq(auditLog.action, 'pair.nudge'), eq(auditLog.targetId, relationshipId)));

  beforeAll(async () => {
    database = await target.open();
    fx = await seedHealthFixture(database);
    connector = await startFakeConnector();
    const store = createStore(database.db);
    for (const key of ['m1', 'e2', 'e5']) {
      const person = (await store.people.get(TENANT, fx.people[key]!))!;
      await savePersonalChat(store, connector, TENANT, person);
    }
    app = await startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TENANT_ADMINS: '29:admin' }), {
      database,
      logger: pino({ level: 'silent' }),
      clock,
    });
    for (const key of ['admin', 'plain', 'm1'] as const) {
      const signedIn = await fetch(`${app.url}/api/v1/dev/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personId: fx.people[key], tenantId: TENANT }),
      });
      tokens[key] = ((await signedIn.json()) as { token: string }).token;
    }
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
    await database.close();
  });
  beforeEach(() => {
    clock.at = NOW;
  });

  it('refuses callers without a token (401) and people who do not administer the program (403), sending nothing', async () => {
    expect((await nudge(fx.program.id, fx.relationships.r2!)).status).toBe(401);
    expect((await nudge(fx.program.id, fx.relationships.r2!, tokens.plain)).status).toBe(403);
    expect((await nudge(fx.program.id, fx.relationships.r2!, tokens.m1)).status).toBe(403);
    expect(nudgesReceived()).toEqual([]);
  });

  it("answers 404 for a pair that is not the program's, and 409 for a paused, ended or booked pair", async () => {
    for (const id of [randomUUID(), 'not-a-uuid', fx.relationships.q1!, fx.relationships.x1!]) {
      expect({ id, status: (await nudge(fx.program.id, id, tokens.admin)).status }).toEqual({ id, status: 404 });
    }
    expect(await nudge(fx.program.id, fx.relationships.r3!, tokens.admin)).toMatchObject({ status: 409, body: { error: expect.stringContaining('paused') } });
    expect(await nudge(fx.program.id, fx.relationships.r4!, tokens.admin)).toMatchObject({ status: 409, body: { error: expect.stringContaining('ended') } });
    // r1 has a session booked for 20 June.
    expect(await nudge(fx.program.id, fx.relationships.r1!, tokens.admin)).toMatchObject({ status: 409, body: { error: expect.stringContaining('booked') } });
    expect(nudgesReceived()).toEqual([]);
  });

  it('sends both people the nudge card once that day, audited once', async () => {
    // Monday 15 June, 12:00 UTC: inside both people's (UTC) working hours.
    const first = await nudge(fx.program.id, fx.relationships.r2!, tokens.admin);
    expect(first).toEqual({
      status: 200,
      body: {
        relationshipId: fx.relationships.r2,
        day: '2026-06-15',
        people: [
          { personId: fx.people.m1, name: 'Mia Mentor', role: 'mentor', outcome: 'sent', workingHoursFrom: null },
          { personId: fx.people.e2, name: 'Bo Mentee', role: 'mentee', outcome: 'sent', workingHoursFrom: null },
        ],
        message: 'Mia Mentor was sent a nudge. Bo Mentee was sent a nudge.',
      },
    });
    expect(nudgesReceived().sort()).toEqual(['a:29:e2: Time for your next session with Mia?', 'a:29:m1: Time for your next session with Bo?']);
    const audits = await nudgeAudits(fx.relationships.r2!);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorPersonId: fx.people.admin,
      targetType: 'relationship',
      details: { programId: fx.program.id, sentTo: [fx.people.m1, fx.people.e2], day: '2026-06-15' },
    });

    // Later the same day: nothing is sent again, and nothing more is recorded.
    clock.at = new Date('2026-06-15T15:30:00Z');
    const again = await nudge(fx.program.id, fx.relationships.r2!, tokens.admin);
    expect(again.status).toBe(200);
    expect(again.body.people.map((p: { outcome: string }) => p.outcome)).toEqual(['already-sent', 'already-sent']);
    expect(again.body.message).toBe('Mia Mentor was already nudged today. Bo Mentee was already nudged today.');
    expect(nudgesReceived()).toHaveLength(2);
    expect(await nudgeAudits(fx.relationships.r2!)).toHaveLength(1);

    // The next day is a new nudge.
    clock.at = new Date('2026-06-16T10:00:00Z');
    expect((await nudge(fx.program.id, fx.relationships.r2!, tokens.admin)).body.people.map((p: { outcome: string }) => p.outcome)).toEqual(['sent', 'sent']);
    expect(nudgesReceived()).toHaveLength(4);
    expect(await nudgeAudits(fx.relationships.r2!)).toHaveLength(2);
  });

  it('sends nobody a nudge outside their working hours, and says from when they can be nudged', async () => {
    // Saturday 20 June: q1 (another program of the tenant, nothing booked) is nudged by a tenant admin.
    clock.at = new Date('2026-06-20T12:00:00Z');
    const before = nudgesReceived().length;
    const answer = await nudge(fx.otherProgram.id, fx.relationships.q1!, tokens.admin);
    expect(answer.status).toBe(200);
    expect(answer.body.people).toEqual([
      { personId: fx.people.m1, name: 'Mia Mentor', role: 'mentor', outcome: 'outside-working-hours', workingHoursFrom: '2026-06-22T09:00:00.000Z' },
      { personId: fx.people.e5, name: expect.any(String), role: 'mentee', outcome: 'outside-working-hours', workingHoursFrom: '2026-06-22T09:00:00.000Z' },
    ]);
    expect(answer.body.message).toContain('is outside their working hours until 2026-06-22T09:00:00.000Z');
    expect(nudgesReceived()).toHaveLength(before);
    expect(await nudgeAudits(fx.relationships.q1!)).toEqual([]);

    // Monday 22 June, 10:00: inside their hours, but Teams refuses the mentor's card (the bot was removed).
    clock.at = new Date('2026-06-22T10:00:00Z');
    connector.failNext(1, 403);
    const monday = await nudge(fx.otherProgram.id, fx.relationships.q1!, tokens.admin);
    expect(monday.body.people.map((p: { outcome: string }) => p.outcome)).toEqual(['undeliverable', 'sent']);
    expect(monday.body.message).toMatch(/^Mia Mentor could not be reached in Teams today\. .+ was sent a nudge\.$/);
    expect((await nudgeAudits(fx.relationships.q1!)).map((a) => a.details)).toEqual([{ programId: fx.otherProgram.id, sentTo: [fx.people.e5], day: '2026-06-22' }]);
    // A repeat that day does not try the mentor again.
    expect((await nudge(fx.otherProgram.id, fx.relationships.q1!, tokens.admin)).body.people.map((p: { outcome: string }) => p.outcome)).toEqual([
      'undeliverable',
      'already-sent',
    ]);
  });
});

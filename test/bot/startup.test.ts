import pino from 'pino';
import { eq } from 'drizzle-orm';
import { loadConfig, PLAYGROUND_TENANT_ID } from '../../src/config';
import { startTandem } from '../../src/main';
import { people, programs } from '../../src/store/schema';
import { testDatabaseTargets } from '../support/databases';

const silent = pino({ level: 'silent' });

describe.each(testDatabaseTargets)('starting Tandem on $name', (target) => {
  it('creates the default program for the home tenant on first start, once', async () => {
    const database = await target.open();
    const first = await startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), { database, logger: silent });
    await first.close();
    const again = await startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), { database, logger: silent });
    try {
      const rows = await database.db.select().from(programs).where(eq(programs.tenantId, PLAYGROUND_TENANT_ID));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ name: 'Tandem Mentoring', status: 'open', cadenceDays: 30, sessionMinutes: 60 });
      expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    } finally {
      await again.close();
      await database.close();
    }
  });

  it('with bot credentials configured, refuses requests that carry no Bot Framework token', async () => {
    const database = await target.open();
    const app = await startTandem(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
        MicrosoftAppPassword: 'not-used-in-this-test',
        MicrosoftAppTenantId: '99999999-2222-4333-8444-555555555555',
      }),
      { database, logger: silent },
    );
    try {
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'register',
          channelId: 'msteams',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          from: { id: '29:intruder' },
          recipient: { id: '28:bot' },
          conversation: { id: 'a:x', conversationType: 'personal', tenantId: '99999999-2222-4333-8444-555555555555' },
        }),
      });
      expect(response.status).toBe(401);
      expect(await database.db.select().from(people)).toEqual([]);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers every turn even when the database fails, and keeps serving', async () => {
    const database = await target.open();
    const app = await startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1' }), { database, logger: silent });
    const activity = (extra: Record<string, unknown>) => ({
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9',
      from: { id: '29:unlucky', name: 'Una' },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:unlucky', conversationType: 'personal', tenantId: 'aaaaaaaa-0000-4000-8000-000000000009' },
      ...extra,
    });
    const post = (body: unknown) =>
      fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    try {
      await database.close();
      const message = await post(activity({ type: 'message', text: 'register', deliveryMode: 'expectReplies' }));
      expect(message.status).toBe(200);
      expect(JSON.stringify(await message.json())).toContain('something went wrong on our side and nothing was changed');

      const click = await post(
        activity({
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'registration.start', data: {} } },
        }),
      );
      expect(click.status).toBe(200);
      expect(await click.json()).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Sorry, something went wrong on our side and nothing was changed. Please try again in a minute.',
      });
      expect((await fetch(`${app.url}/healthz`)).status).toBe(503);
    } finally {
      await app.close();
    }
  });
});

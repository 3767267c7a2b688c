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
});

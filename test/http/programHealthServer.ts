/**
 * The real server on a database seeded with the program health fixture
 * (test/services/programHealthFixture.ts), clocked at its NOW, with a
 * development sign-in token for each fixture person a suite needs. Shared by
 * the admin health and export suites, which start from the same state.
 */
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startTandem, type RunningTandem } from '../../src/main';
import type { Database } from '../../src/store/database';
import type { TestDatabaseTarget } from '../support/databases';
import { NOW, seedHealthFixture, type HealthFixture } from '../services/programHealthFixture';

export interface ProgramHealthServer {
  database: Database;
  app: RunningTandem;
  fx: HealthFixture;
  /** By fixture person key, as given to startProgramHealthServer. */
  tokens: Record<string, string>;
}

/**
 * `signIn` pairs a fixture person key with the tenant they sign in to.
 * `beforeStart` changes the seeded data before the server reads any of it.
 * The caller closes `app`, then `database`.
 */
export async function startProgramHealthServer(
  target: TestDatabaseTarget,
  signIn: readonly (readonly [key: string, tenantId: string])[],
  beforeStart?: (database: Database, fx: HealthFixture) => Promise<void>,
): Promise<ProgramHealthServer> {
  const database = await target.open();
  const fx = await seedHealthFixture(database);
  await beforeStart?.(database, fx);
  // The fixture's people 29:admin and 29:xadmin are the tenant admins of its two tenants.
  const app = await startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TENANT_ADMINS: '29:admin,29:xadmin' }), {
    database,
    logger: pino({ level: 'silent' }),
    clock: { now: () => NOW },
  });
  const tokens: Record<string, string> = {};
  for (const [key, tenantId] of signIn) {
    const signedIn = await fetch(`${app.url}/api/v1/dev/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: fx.people[key], tenantId }),
    });
    tokens[key] = ((await signedIn.json()) as { token: string }).token;
  }
  return { database, app, fx, tokens };
}

import path from 'node:path';
import { ConfigError, loadConfig, PLAYGROUND_TENANT_ID } from '../../src/config';

describe('loadConfig', () => {
  it('runs locally with nothing set: anonymous bot, embedded database under ./.data, port 3978', () => {
    expect(loadConfig({})).toEqual({
      port: 3978,
      host: '0.0.0.0',
      database: { kind: 'pglite', dataDir: path.resolve('.data') },
      bot: { mode: 'anonymous', localTenantId: PLAYGROUND_TENANT_ID },
      auth: { clientId: undefined, publicHostname: undefined, authorityHost: 'https://login.microsoftonline.com', tenantAdmins: [] },
      graph: { enabled: false },
      logLevel: 'info',
      proactive: { tenantRatePerSecond: 30 },
      production: false,
    });
  });

  it('turns Graph on only with the app credentials it uses, and reads tenant admins as a list', () => {
    expect(() => loadConfig({ GRAPH_ENABLED: 'true' })).toThrow(/GRAPH_ENABLED needs MicrosoftAppId/);
    const config = loadConfig({
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppPassword: 'from-key-vault',
      MicrosoftAppTenantId: '99999999-2222-4333-8444-555555555555',
      GRAPH_ENABLED: 'true',
      TENANT_ADMINS: ' oid-1, 29:teams-id ,,',
    });
    expect(config.graph).toMatchObject({ enabled: true, clientId: '11111111-2222-4333-8444-555555555555', baseUrl: 'https://graph.microsoft.com/v1.0' });
    expect(config.auth.tenantAdmins).toEqual(['oid-1', '29:teams-id']);
    expect(config.auth.clientId).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('uses PostgreSQL when DATABASE_URL is set, and DATA_DIR and PORT otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/tandem' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/tandem',
    });
    expect(loadConfig({ DATA_DIR: '/var/tandem', PORT: '8080' })).toMatchObject({
      port: 8080,
      database: { kind: 'pglite', dataDir: '/var/tandem' },
    });
  });

  it('takes single-tenant bot credentials', () => {
    const config = loadConfig({
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppPassword: 'from-key-vault',
      MicrosoftAppTenantId: '99999999-2222-4333-8444-555555555555',
    });
    expect(config.bot).toEqual({
      mode: 'authenticated',
      appId: '11111111-2222-4333-8444-555555555555',
      appPassword: 'from-key-vault',
      appTenantId: '99999999-2222-4333-8444-555555555555',
      appType: 'SingleTenant',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// connection string'],
    [{ MicrosoftAppId: 'not-a-guid' }, 'MicrosoftAppId'],
    [{ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppTenantId: '99999999-2222-4333-8444-555555555555' }, 'MicrosoftAppPassword is required'],
    [{ MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 's' }, 'MicrosoftAppTenantId is required for SingleTenant'],
  ])('stops on %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never puts a secret in its error message', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'x', MicrosoftAppPassword: 'hunter2' })).toThrow(/^(?!.*hunter2)/);
  });
});

import { createDevelopmentSignIn } from '../../src/auth/developmentSignIn';
import { createTokenVerifier } from '../../src/auth/tokens';
import { createAuthenticator } from '../../src/http/authenticate';
import { handle } from '../../src/http/problems';
import type { Database } from '../../src/store/database';
import type { Person } from '../../src/store/repositories/people';
import { createStore, type Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { startLocalEntraKeys, type LocalEntraKeys } from '../support/jwks';
import { silentLogger, startApiServer, type ApiServer } from './apiServer';

const clientId = '5a1d8b0e-7c2f-4b7a-9a55-0c3c2a1d9f10';
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const otherTenantId = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const adaOid = '4d3f6a2b-1e0c-4b9a-8f7e-6d5c4b3a2f10';
const strangerOid = '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b';
const adminOid = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe.each(testDatabaseTargets)('the API authenticator on $name', (target) => {
  let database: Database;
  let store: Store;
  let keys: LocalEntraKeys;
  let api: ApiServer;
  const development = createDevelopmentSignIn();
  let ada: Person;
  let admin: Person;
  let localAdmin: Person;

  const entraToken = (oid: string, tid = tenantId) =>
    keys.sign({ iss: `https://sts.windows.net/${tid}/`, aud: clientId, tid, oid, name: 'From the token' });

  beforeAll(async () => {
    database = await target.open();
    store = createStore(database.db);
    keys = await startLocalEntraKeys();
    await store.tenants.ensure(tenantId);
    await store.tenants.ensure(otherTenantId);
    ada = await store.people.upsertSeen({ tenantId, teamsUserId: '29:ada', aadObjectId: adaOid, name: 'Ada Lovelace' });
    admin = await store.people.upsertSeen({ tenantId, teamsUserId: '29:grace', aadObjectId: adminOid, name: 'Grace Hopper' });
    localAdmin = await store.people.upsertSeen({ tenantId, teamsUserId: '29:playground-admin', name: 'Local Admin' });
    // The same Entra user known in another tenant must not be found from this one.
    await store.people.upsertSeen({ tenantId: otherTenantId, teamsUserId: '29:elsewhere', aadObjectId: strangerOid, name: 'Elsewhere' });

    const authenticate = createAuthenticator({
      verifier: createTokenVerifier({ clientId, authorityHost: keys.authorityHost, development }),
      store,
      tenantAdmins: [adminOid, '29:playground-admin'],
    });
    api = await startApiServer((server) => {
      server.get('/api/v1/me', handle(silentLogger, async (req, res) => {
        res.send(200, await authenticate(req));
      }));
    });
  });
  afterAll(async () => {
    await api.close();
    await keys.close();
    await database.close();
  });

  it('finds the person behind a Teams SSO token by tenant and object id', async () => {
    const response = await api.call('GET', '/api/v1/me', { token: await entraToken(adaOid) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      tenantId,
      personId: ada.id,
      teamsUserId: '29:ada',
      aadObjectId: adaOid,
      name: 'Ada Lovelace',
      isTenantAdmin: false,
      via: 'teams-sso',
    });
  });

  it('answers 403 when the token is valid but nobody in its tenant matches', async () => {
    for (const token of [await entraToken(strangerOid), await entraToken(adaOid, otherTenantId)]) {
      const response = await api.call('GET', '/api/v1/me', { token });
      expect(response).toMatchObject({ status: 403, body: { error: 'You have not started a chat with Tandem yet.' } });
    }
  });

  it('marks tenant admins by Entra object id and by Teams user id', async () => {
    const byOid = await api.call('GET', '/api/v1/me', { token: await entraToken(adminOid) });
    expect(byOid.body).toMatchObject({ personId: admin.id, isTenantAdmin: true });
    const byTeamsId = await api.call('GET', '/api/v1/me', {
      token: await development.issue({ tenantId, personId: localAdmin.id }),
    });
    expect(byTeamsId.body).toMatchObject({ personId: localAdmin.id, aadObjectId: null, isTenantAdmin: true, via: 'development' });
  });

  it('answers 401 with a reason and the Bearer challenge for missing or refused tokens', async () => {
    const missing = await api.call('GET', '/api/v1/me');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(missing.body.error).toMatch(/^Sign in first/);

    const expired = await api.call('GET', '/api/v1/me', {
      token: await keys.sign({ iss: `https://sts.windows.net/${tenantId}/`, aud: clientId, tid: tenantId, oid: adaOid }, { expiresInSeconds: -300 }),
    });
    expect(expired).toMatchObject({ status: 401, body: { error: 'The token has expired.' } });

    const forged = await api.call('GET', '/api/v1/me', { token: keys.unsigned({ iss: `https://sts.windows.net/${tenantId}/`, aud: clientId, tid: tenantId, oid: adaOid }) });
    expect(forged).toMatchObject({ status: 401, body: { error: 'The token must be signed with RS256.' } });
  });

  it('answers 401 for an Authorization header that is not a bearer token', async () => {
    const basic = await api.call('GET', '/api/v1/me', { authorization: 'Basic YWRhOnNlY3JldA==' });
    expect(basic).toMatchObject({ status: 401, body: { error: 'The Authorization header must be "Bearer <token>".' } });
  });

  it('refuses a development token for a person who is not in its tenant', async () => {
    const token = await development.issue({ tenantId: otherTenantId, personId: ada.id });
    expect(await api.call('GET', '/api/v1/me', { token })).toMatchObject({ status: 403 });
  });
});

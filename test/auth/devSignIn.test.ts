import { createDevelopmentSignIn } from '../../src/auth/developmentSignIn';
import { createTokenVerifier } from '../../src/auth/tokens';
import { createAuthenticator } from '../../src/http/authenticate';
import { handle } from '../../src/http/problems';
import { registerDevelopmentSignIn } from '../../src/http/routes/devSignIn';
import type { Database } from '../../src/store/database';
import type { Person } from '../../src/store/repositories/people';
import { createStore, type Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { silentLogger, startApiServer, type ApiServer } from './apiServer';

const localTenantId = '00000000-0000-0000-0000-0000000000001';

describe.each(testDatabaseTargets)('the development sign-in on $name', (target) => {
  let database: Database;
  let store: Store;
  let development: ApiServer;
  let production: ApiServer;
  let ada: Person;
  let bea: Person;
  let elsewhere: Person;

  beforeAll(async () => {
    database = await target.open();
    store = createStore(database.db);
    await store.tenants.ensure(localTenantId);
    await store.tenants.ensure('tenant-b');
    bea = await store.people.upsertSeen({ tenantId: localTenantId, teamsUserId: '29:bea', name: 'Bea Arthur' });
    ada = await store.people.upsertSeen({ tenantId: localTenantId, teamsUserId: '29:ada', name: 'Ada Lovelace' });
    elsewhere = await store.people.upsertSeen({ tenantId: 'tenant-b', teamsUserId: '29:ada', name: 'Ada Elsewhere' });

    const signIn = createDevelopmentSignIn();
    const authenticate = createAuthenticator({
      verifier: createTokenVerifier({ authorityHost: 'https://login.microsoftonline.com', development: signIn }),
      store,
      tenantAdmins: [],
    });
    development = await startApiServer((server) => {
      registerDevelopmentSignIn(server, { store, signIn, logger: silentLogger, defaultTenantId: localTenantId });
      server.get('/api/v1/me', handle(silentLogger, async (req, res) => {
        res.send(200, await authenticate(req));
      }));
    });
    production = await startApiServer((server) => {
      registerDevelopmentSignIn(server, { store, signIn: null, logger: silentLogger, defaultTenantId: localTenantId });
    });
  });
  afterAll(async () => {
    await development.close();
    await production.close();
    await database.close();
  });

  it('signs in as a person by id, and the token authenticates as them', async () => {
    const signedIn = await development.call('POST', '/api/v1/dev/sign-in', { body: { personId: ada.id } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.person).toEqual({ id: ada.id, name: 'Ada Lovelace' });
    expect(typeof signedIn.body.token).toBe('string');

    const me = await development.call('GET', '/api/v1/me', { token: signedIn.body.token as string });
    expect(me).toMatchObject({ status: 200, body: { personId: ada.id, tenantId: localTenantId, teamsUserId: '29:ada', via: 'development' } });
  });

  it('signs in by Teams user id, in the default tenant or the one named', async () => {
    const local = await development.call('POST', '/api/v1/dev/sign-in', { body: { teamsUserId: '29:ada' } });
    expect(local).toMatchObject({ status: 200, body: { person: { id: ada.id } } });
    const other = await development.call('POST', '/api/v1/dev/sign-in', { body: { teamsUserId: '29:ada', tenantId: 'tenant-b' } });
    expect(other).toMatchObject({ status: 200, body: { person: { id: elsewhere.id, name: 'Ada Elsewhere' } } });
    const me = await development.call('GET', '/api/v1/me', { token: other.body.token as string });
    expect(me.body).toMatchObject({ tenantId: 'tenant-b', personId: elsewhere.id });
  });

  it('answers 404 for a person it does not know, including one of another tenant', async () => {
    const unknown = await development.call('POST', '/api/v1/dev/sign-in', { body: { personId: '7d4c2b1a-0f9e-4d8c-b7a6-5f4e3d2c1b0a' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/^No such person/);
    const otherTenant = await development.call('POST', '/api/v1/dev/sign-in', { body: { personId: elsewhere.id } });
    expect(otherTenant.status).toBe(404);
  });

  it('answers 400 naming the field for a bad body', async () => {
    expect(await development.call('POST', '/api/v1/dev/sign-in', { body: { personId: 'ada' } })).toEqual(
      expect.objectContaining({ status: 400, body: { error: 'must be a person id (a uuid)', field: 'personId' } }),
    );
    expect(await development.call('POST', '/api/v1/dev/sign-in', { body: {} })).toEqual(
      expect.objectContaining({ status: 400, body: { error: 'Give either personId or teamsUserId.', field: 'personId' } }),
    );
    expect(await development.call('POST', '/api/v1/dev/sign-in', { body: { teamsUserId: '29:ada', tenantId: 42 } })).toMatchObject({
      status: 400,
      body: { field: 'tenantId' },
    });
    expect(await development.call('POST', '/api/v1/dev/sign-in', { body: [ada.id] })).toMatchObject({
      status: 400,
      body: { error: 'The body must be a JSON object.' },
    });
  });

  it('lists the people of a tenant to choose from, by name', async () => {
    const local = await development.call('GET', '/api/v1/dev/people');
    expect(local).toEqual(
      expect.objectContaining({
        status: 200,
        body: { tenantId: localTenantId, people: [{ id: ada.id, name: 'Ada Lovelace' }, { id: bea.id, name: 'Bea Arthur' }] },
      }),
    );
    const other = await development.call('GET', '/api/v1/dev/people?tenantId=tenant-b');
    expect(other.body.people).toEqual([{ id: elsewhere.id, name: 'Ada Elsewhere' }]);
  });

  it('lists at most 200 people', async () => {
    await store.tenants.ensure('crowded');
    for (let i = 0; i < 205; i += 1) {
      await store.people.upsertSeen({ tenantId: 'crowded', teamsUserId: `29:p${i}`, name: `Person ${String(i).padStart(3, '0')}` });
    }
    const listed = await development.call('GET', '/api/v1/dev/people?tenantId=crowded');
    const people = listed.body.people as { name: string }[];
    expect(people).toHaveLength(200);
    expect(people[0]!.name).toBe('Person 000');
    expect(people[199]!.name).toBe('Person 199');
  });

  it('is off in production: both routes answer 404', async () => {
    const off = { status: 404, body: { error: 'The development sign-in is off in production.' } };
    expect(await production.call('POST', '/api/v1/dev/sign-in', { body: { personId: ada.id } })).toMatchObject(off);
    expect(await production.call('GET', '/api/v1/dev/people')).toMatchObject(off);
  });
});

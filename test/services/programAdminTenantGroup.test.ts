/**
 * Tenant admins by Entra group: membership read from Graph (the fake Graph
 * over HTTPS, as the app would call the real one), cached briefly, and a
 * Graph failure answered as "not an admin by group", never as a 500.
 */
import pino from 'pino';
import { createDevelopmentSignIn } from '../../src/auth/developmentSignIn';
import { createTenantAdmins } from '../../src/auth/tenantAdmins';
import { createTokenVerifier } from '../../src/auth/tokens';
import { loadConfig } from '../../src/config';
import { createGraphClient } from '../../src/graph/graphClient';
import { createAuthenticator } from '../../src/http/authenticate';
import { registerAdminProgramRoutes } from '../../src/http/routes/adminPrograms';
import { createProgramAdminService } from '../../src/services/programAdmin';
import { createTenantService } from '../../src/services/tenants';
import type { Database } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { startApiServer, type ApiServer } from '../auth/apiServer';
import { testDatabaseTargets } from '../support/databases';
import { startFakeGraph, type FakeGraph } from '../support/fakeGraph';

const GROUP = '6f1c0a52-8d3e-4c55-9a6b-2f7e5d1c0b11';

describe.each(testDatabaseTargets)('tenant admins by Entra group, on $name', (target) => {
  let database: Database;
  let fake: FakeGraph;
  let api: ApiServer;
  let now = new Date('2026-03-02T09:00:00Z');
  const tokens: Record<string, string> = {};
  const objectIds = { gia: 'a1a1a1a1-0000-4000-8000-000000000001', nat: 'a1a1a1a1-0000-4000-8000-000000000002' };

  beforeAll(async () => {
    database = await target.open();
    fake = await startFakeGraph();
    const tenantId = fake.settings.tenantId;
    const store = createStore(database.db);
    await createTenantService(store).ensureTenant(tenantId);
    await createTenantService(store).ensureTenant('other-tenant');
    fake.addUser({ id: objectIds.gia, memberOf: [{ id: GROUP }] });
    fake.addUser({ id: objectIds.nat, memberOf: [{ id: 'someone-elses-group' }] });
    const development = createDevelopmentSignIn();
    const people = {
      gia: await store.people.upsertSeen({ tenantId, teamsUserId: '29:gia', aadObjectId: objectIds.gia, name: 'Gia Group' }),
      nat: await store.people.upsertSeen({ tenantId, teamsUserId: '29:nat', aadObjectId: objectIds.nat, name: 'Nat NotInGroup' }),
      // Same object id as Gia, but in another tenant: the group is not theirs.
      far: await store.people.upsertSeen({ tenantId: 'other-tenant', teamsUserId: '29:far', aadObjectId: objectIds.gia, name: 'Far Away' }),
    };
    for (const [name, person] of Object.entries(people)) tokens[name] = await development.issue({ tenantId: person.tenantId, personId: person.id });

    const authenticate = createAuthenticator({
      verifier: createTokenVerifier({ ...loadConfig({}).auth, development }),
      store,
      tenantAdmins: [],
    });
    const tenantAdmins = createTenantAdmins({
      group: { groupId: GROUP, tenantId, graph: createGraphClient(fake.settings, { fetch: fake.fetch }) },
      logger: pino({ level: 'silent' }),
      clock: { now: () => now },
    });
    api = await startApiServer((server) =>
      registerAdminProgramRoutes(server, {
        authenticate: tenantAdmins.authenticator(authenticate),
        store,
        programAdmin: createProgramAdminService({ store }),
        logger: pino({ level: 'silent' }),
      }),
    );
  });
  afterAll(async () => {
    await api.close();
    await fake.close();
    await database.close();
  });
  beforeEach(() => fake.requests.splice(0));

  const membershipChecks = () => fake.graphRequests().filter((r) => r.path.endsWith('/checkMemberGroups'));

  it('makes members of the group tenant admins, asking Graph once while the answer is fresh', async () => {
    const me = await api.call('GET', '/api/v1/admin/me', { token: tokens.gia });
    expect(me).toMatchObject({ status: 200, body: { tenantAdmin: true, tenantAdminVia: 'group', canCreatePrograms: true } });
    expect(membershipChecks()).toEqual([expect.objectContaining({ method: 'POST', path: `/users/${objectIds.gia}/checkMemberGroups`, status: 200 })]);
    expect(JSON.parse(membershipChecks()[0]!.body)).toEqual({ groupIds: [GROUP] });

    const created = await api.call('POST', '/api/v1/programs', { token: tokens.gia, body: { name: 'Group-run program' } });
    expect(created).toMatchObject({ status: 201, body: { name: 'Group-run program', status: 'draft' } });
    expect(membershipChecks()).toHaveLength(1);

    now = new Date(now.getTime() + 10 * 60 * 1000);
    await api.call('GET', '/api/v1/admin/me', { token: tokens.gia });
    expect(membershipChecks()).toHaveLength(2);
  });

  it('leaves people outside the group, and other tenants, without the role', async () => {
    const nat = await api.call('GET', '/api/v1/admin/me', { token: tokens.nat });
    expect(nat).toMatchObject({ status: 200, body: { tenantAdmin: false, tenantAdminVia: null } });
    expect((await api.call('POST', '/api/v1/programs', { token: tokens.nat, body: { name: 'Nope' } })).status).toBe(403);
    fake.requests.splice(0);
    const far = await api.call('GET', '/api/v1/admin/me', { token: tokens.far });
    expect(far.body).toMatchObject({ tenantAdmin: false });
    expect(membershipChecks()).toEqual([]);
  });

  it('treats a Graph failure as not an admin by group, with a 403 and never a 500', async () => {
    now = new Date(now.getTime() + 60 * 60 * 1000);
    fake.failNext(`/users/${objectIds.gia}/checkMemberGroups`, { status: 403 });
    const refused = await api.call('POST', '/api/v1/programs', { token: tokens.gia, body: { name: 'During an outage' } });
    expect(refused).toMatchObject({ status: 403, body: { error: expect.stringMatching(/Tandem admins/) } });
    expect(membershipChecks().map((r) => r.status)).toEqual([403]);
    // The failure is remembered only briefly; then Graph is asked again.
    now = new Date(now.getTime() + 60 * 1000);
    const me = await api.call('GET', '/api/v1/admin/me', { token: tokens.gia });
    expect(me.body).toMatchObject({ tenantAdmin: true, tenantAdminVia: 'group' });
  });
});

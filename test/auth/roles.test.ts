import type { Caller } from '../../src/auth/caller';
import { requireProgramAdmin } from '../../src/auth/roles';
import { defaultProgram } from '../../src/domain/defaultProgram';
import { HttpProblem } from '../../src/http/problems';
import type { Database } from '../../src/store/database';
import type { Program } from '../../src/store/repositories/programs';
import { createStore, type Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';

async function refusal(promise: Promise<void>): Promise<HttpProblem> {
  const outcome = await promise.then(() => undefined, (error: unknown) => error);
  if (outcome instanceof HttpProblem) return outcome;
  throw new Error(`expected a refusal, got ${String(outcome)}`);
}

describe.each(testDatabaseTargets)('program admin checks on $name', (target) => {
  let database: Database;
  let store: Store;
  let program: Program;
  let otherProgram: Program;
  let otherTenantsProgram: Program;
  let admin: Caller;
  let member: Caller;
  let tenantAdmin: Caller;
  let foreignTenantAdmin: Caller;

  const callerFor = (tenantId: string, person: { id: string; teamsUserId: string; name: string }, isTenantAdmin = false): Caller => ({
    tenantId,
    personId: person.id,
    teamsUserId: person.teamsUserId,
    aadObjectId: null,
    name: person.name,
    isTenantAdmin,
    via: 'development',
  });

  beforeAll(async () => {
    database = await target.open();
    store = createStore(database.db);
    await store.tenants.ensure('tenant-a');
    await store.tenants.ensure('tenant-b');
    program = await store.programs.ensure('tenant-a', defaultProgram);
    otherProgram = await store.programs.ensure('tenant-a', { ...defaultProgram, slug: 'peers', name: 'Peers' });
    otherTenantsProgram = await store.programs.ensure('tenant-b', defaultProgram);
    const adminPerson = await store.people.upsertSeen({ tenantId: 'tenant-a', teamsUserId: '29:admin', name: 'Program Admin' });
    const memberPerson = await store.people.upsertSeen({ tenantId: 'tenant-a', teamsUserId: '29:member', name: 'Member' });
    const bossPerson = await store.people.upsertSeen({ tenantId: 'tenant-a', teamsUserId: '29:boss', name: 'Tenant Admin' });
    const foreignBoss = await store.people.upsertSeen({ tenantId: 'tenant-b', teamsUserId: '29:boss-b', name: 'Other Tenant Admin' });
    await store.programs.addAdmin('tenant-a', program.id, adminPerson.id);
    await store.programs.addAdmin('tenant-a', program.id, adminPerson.id);
    admin = callerFor('tenant-a', adminPerson);
    member = callerFor('tenant-a', memberPerson);
    tenantAdmin = callerFor('tenant-a', bossPerson, true);
    foreignTenantAdmin = callerFor('tenant-b', foreignBoss, true);
  });
  afterAll(() => database.close());

  it('lets a program admin manage their program, and only that one', async () => {
    await expect(requireProgramAdmin(store, admin, program.id)).resolves.toBeUndefined();
    expect(await refusal(requireProgramAdmin(store, admin, otherProgram.id))).toMatchObject({
      status: 403,
      reason: "Only this program's admins can do that.",
    });
    expect(await store.programs.isAdmin('tenant-a', program.id, admin.personId)).toBe(true);
    expect(await store.programs.isAdmin('tenant-a', otherProgram.id, admin.personId)).toBe(false);
  });

  it('lets tenant admins manage every program of their tenant', async () => {
    await expect(requireProgramAdmin(store, tenantAdmin, program.id)).resolves.toBeUndefined();
    await expect(requireProgramAdmin(store, tenantAdmin, otherProgram.id)).resolves.toBeUndefined();
  });

  it('refuses everyone else with 403', async () => {
    expect(await refusal(requireProgramAdmin(store, member, program.id))).toMatchObject({ status: 403 });
    expect(await refusal(requireProgramAdmin(store, member, 'not-a-uuid'))).toMatchObject({ status: 403 });
  });

  it("refuses another tenant's program, even to that tenant's admins and to a program admin of the same id", async () => {
    expect(await refusal(requireProgramAdmin(store, tenantAdmin, otherTenantsProgram.id))).toMatchObject({ status: 403 });
    expect(await refusal(requireProgramAdmin(store, admin, otherTenantsProgram.id))).toMatchObject({ status: 403 });
    // A caller from tenant B naming tenant A's program, with the person id of A's program admin.
    const impostor: Caller = { ...admin, tenantId: 'tenant-b' };
    expect(await refusal(requireProgramAdmin(store, impostor, program.id))).toMatchObject({ status: 403 });
    expect(await refusal(requireProgramAdmin(store, foreignTenantAdmin, program.id))).toMatchObject({ status: 403 });
  });
});

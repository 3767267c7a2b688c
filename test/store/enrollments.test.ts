import type { Store } from '../../src/store/store';
import { defaultProgram } from '../../src/domain/defaultProgram';
import { testDatabaseTargets } from '../support/databases';
import { useStore } from './fixtures';

describe.each(testDatabaseTargets)('enrollments on $name', (target) => {
  let store: Store;
  let programId: string;
  let personId: string;
  const tenantId = 'tenant-a';

  useStore(target, async (opened) => {
    store = opened;
    await store.tenants.ensure(tenantId);
    programId = (await store.programs.ensure(tenantId, defaultProgram)).id;
    personId = (await store.people.upsertSeen({ tenantId, teamsUserId: '29:ann', name: 'Ann' })).id;
  });

  const draft = () => ({
    tenantId,
    programId,
    personId,
    role: 'mentee' as const,
    answers: { goals: 'Lead a team' },
    mentorCapacity: null,
  });

  it('saves a first registration at revision 1 and refuses a repeat of the same card', async () => {
    const first = await store.enrollments.saveIfRevision(draft(), 0);
    expect(first).toMatchObject({ revision: 1, status: 'active', role: 'mentee', answers: { goals: 'Lead a team' } });

    const repeat = await store.enrollments.saveIfRevision({ ...draft(), answers: { goals: 'Other' } }, 0);
    expect(repeat).toBeUndefined();
    expect((await store.enrollments.find(tenantId, programId, personId))?.answers).toEqual({ goals: 'Lead a team' });
  });

  it('lets exactly one of two racing submissions of the same revision win', async () => {
    const current = (await store.enrollments.find(tenantId, programId, personId))!;
    const results = await Promise.all([
      store.enrollments.saveIfRevision({ ...draft(), answers: { goals: 'A' } }, current.revision),
      store.enrollments.saveIfRevision({ ...draft(), answers: { goals: 'B' } }, current.revision),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = (await store.enrollments.find(tenantId, programId, personId))!;
    expect(stored.revision).toBe(current.revision + 1);
    expect((await store.enrollments.listForProgram(tenantId, programId)).length).toBe(1);
  });

  it('withdraws once, and re-registering reactivates the same enrollment', async () => {
    const withdrawn = await store.enrollments.withdraw(tenantId, programId, personId);
    expect(withdrawn).toMatchObject({ status: 'withdrawn' });
    expect(withdrawn?.withdrawnAt).toBeInstanceOf(Date);
    expect(await store.enrollments.withdraw(tenantId, programId, personId)).toBeUndefined();

    const again = await store.enrollments.saveIfRevision({ ...draft(), role: 'both', mentorCapacity: 2 }, withdrawn!.revision);
    expect(again).toMatchObject({ id: withdrawn!.id, status: 'active', role: 'both', mentorCapacity: 2, withdrawnAt: null });
  });

  it('never reads or writes across tenants', async () => {
    await store.tenants.ensure('tenant-b');
    expect(await store.enrollments.find('tenant-b', programId, personId)).toBeUndefined();
    expect(await store.enrollments.withdraw('tenant-b', programId, personId)).toBeUndefined();
    const tampered = await store.enrollments.saveIfRevision({ ...draft(), tenantId: 'tenant-b' }, 2);
    expect(tampered).toBeUndefined();
    expect((await store.enrollments.find(tenantId, programId, personId))?.tenantId).toBe(tenantId);
  });

  it('cannot link a record to another tenant’s program or person, even by id', async () => {
    await store.tenants.ensure('tenant-c');
    const outsider = await store.people.upsertSeen({ tenantId: 'tenant-c', teamsUserId: '29:cy', name: 'Cy' });
    await expect(
      store.enrollments.saveIfRevision({ ...draft(), tenantId: 'tenant-c', personId: outsider.id }, 0),
    ).rejects.toThrow();
    expect(await store.enrollments.listForProgram('tenant-c', programId)).toEqual([]);
  });

  it('rejects a mentor capacity outside the allowed range at the database', async () => {
    const other = await store.people.upsertSeen({ tenantId, teamsUserId: '29:bo', name: 'Bo' });
    await expect(
      store.enrollments.saveIfRevision({ ...draft(), personId: other.id, role: 'mentor', mentorCapacity: 99 }, 0),
    ).rejects.toThrow();
    expect(await store.enrollments.find(tenantId, programId, other.id)).toBeUndefined();
  });
});

import type { Store } from '../../src/store/store';
import { defaultProgram } from '../../src/domain/defaultProgram';
import { testDatabaseTargets } from '../support/databases';
import { useStore } from './fixtures';

describe.each(testDatabaseTargets)('programs on $name', (target) => {
  let store: Store;
  const tenantId = 'tenant-a';

  useStore(target, async (opened) => {
    store = opened;
    await store.tenants.ensure(tenantId);
    await store.tenants.ensure('tenant-b');
  });

  it('ensures a program once: twice gives one row with the same id', async () => {
    const first = await store.programs.ensure(tenantId, defaultProgram);
    const second = await store.programs.ensure(tenantId, { ...defaultProgram, name: 'Renamed' });
    expect(second).toEqual(first);
    expect(second.name).toBe(defaultProgram.name);
    expect(await store.programs.listOpen(tenantId)).toEqual([first]);
  });

  it('survives two racing ensures of the same program', async () => {
    const results = await Promise.all([
      store.programs.ensure('tenant-b', defaultProgram),
      store.programs.ensure('tenant-b', defaultProgram),
    ]);
    expect(results[0]!.id).toBe(results[1]!.id);
    expect(await store.programs.listOpen('tenant-b')).toHaveLength(1);
  });

  it('lists only open programs', async () => {
    await store.programs.ensure(tenantId, { ...defaultProgram, slug: 'drafting', name: 'Drafting', status: 'draft' });
    await store.programs.ensure(tenantId, { ...defaultProgram, slug: 'over', name: 'Over', status: 'closed' });
    const open = await store.programs.ensure(tenantId, { ...defaultProgram, slug: 'peers', name: 'Peers', type: 'peer' });
    expect((await store.programs.listOpen(tenantId)).map((p) => p.slug)).toEqual(['mentoring', 'peers']);
    expect(await store.programs.get(tenantId, open.id)).toEqual(open);
  });

  it('scopes get and listOpen to the tenant', async () => {
    const a = await store.programs.ensure(tenantId, defaultProgram);
    const b = await store.programs.ensure('tenant-b', defaultProgram);
    expect(b.id).not.toBe(a.id);
    expect(await store.programs.get('tenant-b', a.id)).toBeUndefined();
    expect(await store.programs.get(tenantId, b.id)).toBeUndefined();
    expect((await store.programs.listOpen('tenant-b')).map((p) => p.id)).toEqual([b.id]);
    await store.tenants.ensure('tenant-c');
    expect(await store.programs.listOpen('tenant-c')).toEqual([]);
  });
});

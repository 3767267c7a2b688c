import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { useSeededRelationship, violating, type SeededRelationship } from './fixtures';

const at = (iso: string) => new Date(iso);

describe.each(testDatabaseTargets)('sessions and agendas on $name', (target) => {
  let store: Store;
  let seed: SeededRelationship;
  const tenantId = 'tenant-a';

  useSeededRelationship(target, tenantId, (opened, seeded) => {
    store = opened;
    seed = seeded;
  });

  const draft = (startsAt: string, endsAt: string) => ({
    tenantId,
    relationshipId: seed.relationship.id,
    startsAt: at(startsAt),
    endsAt: at(endsAt),
    status: 'scheduled' as const,
    organizerPersonId: seed.mentor.id,
  });

  it('creates sessions and lists a relationship\'s by start time', async () => {
    const later = await store.sessions.create(draft('2031-03-10T15:00:00Z', '2031-03-10T16:00:00Z'));
    const earlier = await store.sessions.create(draft('2031-02-10T15:00:00Z', '2031-02-10T16:00:00Z'));
    expect(later).toMatchObject({ status: 'scheduled', organizerPersonId: seed.mentor.id, joinUrl: null });
    expect(later.startsAt.toISOString()).toBe('2031-03-10T15:00:00.000Z');
    expect(await store.sessions.get(tenantId, later.id)).toEqual(later);

    const listed = await store.sessions.listForRelationship(tenantId, seed.relationship.id);
    expect(listed.map((s) => s.id)).toEqual([earlier.id, later.id]);
  });

  it('updates status and time', async () => {
    const session = await store.sessions.create(draft('2031-04-01T09:00:00Z', '2031-04-01T10:00:00Z'));
    const moved = await store.sessions.update(tenantId, session.id, {
      startsAt: at('2031-04-02T09:00:00Z'),
      endsAt: at('2031-04-02T09:30:00Z'),
    });
    expect(moved?.startsAt.toISOString()).toBe('2031-04-02T09:00:00.000Z');
    expect(moved?.endsAt.toISOString()).toBe('2031-04-02T09:30:00.000Z');
    expect(moved?.status).toBe('scheduled');

    const held = await store.sessions.update(tenantId, session.id, { status: 'held' });
    expect(held).toMatchObject({ status: 'held' });
    expect(held?.startsAt.toISOString()).toBe('2031-04-02T09:00:00.000Z');
  });

  it('rejects a session that ends before it starts, on create and on update', async () => {
    const before = (await store.sessions.listForRelationship(tenantId, seed.relationship.id)).length;
    await expect(store.sessions.create(draft('2031-05-01T10:00:00Z', '2031-05-01T09:00:00Z'))).rejects.toMatchObject(violating('sessions_ends_after_start'));
    await expect(store.sessions.create(draft('2031-05-01T10:00:00Z', '2031-05-01T10:00:00Z'))).rejects.toMatchObject(violating('sessions_ends_after_start'));
    expect((await store.sessions.listForRelationship(tenantId, seed.relationship.id)).length).toBe(before);

    const session = await store.sessions.create(draft('2031-05-02T10:00:00Z', '2031-05-02T11:00:00Z'));
    await expect(store.sessions.update(tenantId, session.id, { endsAt: at('2031-05-02T09:00:00Z') })).rejects.toMatchObject(violating('sessions_ends_after_start'));
    expect((await store.sessions.get(tenantId, session.id))?.endsAt.toISOString()).toBe('2031-05-02T11:00:00.000Z');
  });

  it('appends agenda items at the next position and ticks them done', async () => {
    const session = await store.sessions.create(draft('2031-06-01T10:00:00Z', '2031-06-01T11:00:00Z'));
    const first = await store.sessions.addAgendaItem(tenantId, session.id, seed.mentee.id, 'Career plan');
    const second = await store.sessions.addAgendaItem(tenantId, session.id, seed.mentor.id, 'Feedback on talk');
    const third = await store.sessions.addAgendaItem(tenantId, session.id, seed.mentee.id, 'Next steps');
    expect([first?.position, second?.position, third?.position]).toEqual([1, 2, 3]);
    expect(first).toMatchObject({ done: false, authorPersonId: seed.mentee.id, text: 'Career plan' });

    // Positions are counted per session.
    const other = await store.sessions.create(draft('2031-06-02T10:00:00Z', '2031-06-02T11:00:00Z'));
    expect((await store.sessions.addAgendaItem(tenantId, other.id, seed.mentee.id, 'Elsewhere'))?.position).toBe(1);

    expect(await store.sessions.setAgendaItemDone(tenantId, second!.id, true)).toMatchObject({ done: true });
    const agenda = await store.sessions.listAgenda(tenantId, session.id);
    expect(agenda.map((i) => [i.text, i.position, i.done])).toEqual([
      ['Career plan', 1, false],
      ['Feedback on talk', 2, true],
      ['Next steps', 3, false],
    ]);
    expect(await store.sessions.setAgendaItemDone(tenantId, second!.id, false)).toMatchObject({ done: false });
  });

  it('reorders an agenda, refusing a stale or partial order', async () => {
    const session = await store.sessions.create(draft('2031-07-01T10:00:00Z', '2031-07-01T11:00:00Z'));
    const [a, b, c] = [
      await store.sessions.addAgendaItem(tenantId, session.id, seed.mentee.id, 'A'),
      await store.sessions.addAgendaItem(tenantId, session.id, seed.mentee.id, 'B'),
      await store.sessions.addAgendaItem(tenantId, session.id, seed.mentee.id, 'C'),
    ];

    const reordered = await store.sessions.reorderAgenda(tenantId, session.id, [c!.id, a!.id, b!.id]);
    expect(reordered?.map((i) => [i.id, i.position])).toEqual([
      [c!.id, 1],
      [a!.id, 2],
      [b!.id, 3],
    ]);
    const after = await store.sessions.listAgenda(tenantId, session.id);
    expect(after.map((i) => i.id)).toEqual([c!.id, a!.id, b!.id]);

    expect(await store.sessions.reorderAgenda(tenantId, session.id, [a!.id, b!.id])).toBeUndefined();
    expect(await store.sessions.reorderAgenda(tenantId, session.id, [a!.id, a!.id, b!.id])).toBeUndefined();
    expect((await store.sessions.listAgenda(tenantId, session.id)).map((i) => i.id)).toEqual([c!.id, a!.id, b!.id]);
  });

  it('never reads or writes across tenants', async () => {
    const session = await store.sessions.create(draft('2031-08-01T10:00:00Z', '2031-08-01T11:00:00Z'));
    const item = (await store.sessions.addAgendaItem(tenantId, session.id, seed.mentee.id, 'Mine'))!;

    expect(await store.sessions.get('tenant-b', session.id)).toBeUndefined();
    expect(await store.sessions.listForRelationship('tenant-b', seed.relationship.id)).toEqual([]);
    expect(await store.sessions.update('tenant-b', session.id, { status: 'cancelled' })).toBeUndefined();
    expect(await store.sessions.listAgenda('tenant-b', session.id)).toEqual([]);
    expect(await store.sessions.addAgendaItem('tenant-b', session.id, seed.mentee.id, 'Intruder')).toBeUndefined();
    expect(await store.sessions.setAgendaItemDone('tenant-b', item.id, true)).toBeUndefined();
    expect(await store.sessions.reorderAgenda('tenant-b', session.id, [item.id])).toBeUndefined();

    expect((await store.sessions.get(tenantId, session.id))?.status).toBe('scheduled');
    expect(await store.sessions.listAgenda(tenantId, session.id)).toEqual([item]);
  });
});

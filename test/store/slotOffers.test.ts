import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { useSeededRelationship, type SeededRelationship } from './fixtures';

const slots = [
  { startsAt: '2031-03-10T10:00:00.000Z', endsAt: '2031-03-10T11:00:00.000Z' },
  { startsAt: '2031-03-11T14:00:00.000Z', endsAt: '2031-03-11T15:00:00.000Z' },
];

describe.each(testDatabaseTargets)('slot offers on $name', (target) => {
  let store: Store;
  let seed: SeededRelationship;
  const tenantId = 'tenant-a';

  useSeededRelationship(target, tenantId, (opened, seeded) => {
    store = opened;
    seed = seeded;
  });

  const offer = () => store.slotOffers.create({ tenantId, relationshipId: seed.relationship.id, reason: 'match', slots });

  it('keeps the offered times and starts open', async () => {
    const created = await offer();
    expect(created).toMatchObject({ status: 'open', reason: 'match', slots, rescheduleSessionId: null, sessionId: null });
    expect(await store.slotOffers.get(tenantId, created.id)).toEqual(created);
    expect(await store.slotOffers.get('tenant-b', created.id)).toBeUndefined();
  });

  it('is claimed by exactly one of several simultaneous taps', async () => {
    const created = await offer();
    const at = new Date('2031-03-01T09:00:00Z');
    const results = await Promise.all([
      store.slotOffers.claim(tenantId, created.id, seed.mentor.id, at),
      store.slotOffers.claim(tenantId, created.id, seed.mentee.id, at),
      store.slotOffers.claim(tenantId, created.id, seed.mentor.id, at),
    ]);
    const winners = results.filter((r) => r !== undefined);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ status: 'booked', bookedAt: at });
    expect(await store.slotOffers.claim(tenantId, created.id, seed.mentee.id, at)).toBeUndefined();
    // Another tenant cannot claim it at all.
    const other = await offer();
    expect(await store.slotOffers.claim('tenant-b', other.id, seed.mentee.id, at)).toBeUndefined();
    expect((await store.slotOffers.get(tenantId, other.id))!.status).toBe('open');
  });

  it('supersedes the open offers of a pair when new times come, and only those', async () => {
    const booked = await offer();
    await store.slotOffers.claim(tenantId, booked.id, seed.mentor.id, new Date());
    const open = await offer();
    const closed = await store.slotOffers.supersedeOpen(tenantId, seed.relationship.id);
    expect(closed.map((o) => o.id)).toContain(open.id);
    expect(closed.map((o) => o.id)).not.toContain(booked.id);
    expect((await store.slotOffers.get(tenantId, booked.id))!.status).toBe('booked');
    expect(await store.slotOffers.currentOpen(tenantId, seed.relationship.id)).toBeUndefined();
    const newest = await offer();
    expect((await store.slotOffers.currentOpen(tenantId, seed.relationship.id))!.id).toBe(newest.id);
  });

  it('links a booked offer to its session, and releases it when the booking is undone', async () => {
    const created = await offer();
    await store.slotOffers.claim(tenantId, created.id, seed.mentee.id, new Date());
    const session = await store.sessions.create({
      tenantId,
      relationshipId: seed.relationship.id,
      startsAt: new Date(slots[0]!.startsAt),
      endsAt: new Date(slots[0]!.endsAt),
      status: 'scheduled',
    });
    await store.slotOffers.attachSession(tenantId, created.id, session.id);
    expect((await store.slotOffers.get(tenantId, created.id))!.sessionId).toBe(session.id);
    await store.slotOffers.release(tenantId, created.id);
    await store.sessions.remove(tenantId, session.id);
    expect(await store.slotOffers.get(tenantId, created.id)).toMatchObject({ status: 'superseded', sessionId: null });
    expect(await store.slotOffers.claim(tenantId, created.id, seed.mentee.id, new Date())).toBeUndefined();
  });
});

describe.each(testDatabaseTargets)('session scheduling writes on $name', (target) => {
  let store: Store;
  let seed: SeededRelationship;
  const tenantId = 'tenant-a';

  useSeededRelationship(target, tenantId, (opened, seeded) => {
    store = opened;
    seed = seeded;
  });

  const proposed = () =>
    store.sessions.create({
      tenantId,
      relationshipId: seed.relationship.id,
      startsAt: new Date('2031-04-01T09:00:00Z'),
      endsAt: new Date('2031-04-01T10:00:00Z'),
      status: 'proposed',
      proposedByPersonId: seed.mentee.id,
    });

  it('lets only the other person confirm a proposed time, once', async () => {
    const session = await proposed();
    expect(await store.sessions.confirmProposed(tenantId, session.id, seed.mentee.id)).toBeUndefined();
    expect(await store.sessions.confirmProposed(tenantId, session.id, seed.mentor.id)).toMatchObject({ status: 'scheduled' });
    expect(await store.sessions.confirmProposed(tenantId, session.id, seed.mentor.id)).toBeUndefined();
  });

  it('cancels once, and moves only a scheduled session', async () => {
    const session = await proposed();
    expect(await store.sessions.move(tenantId, session.id, new Date('2031-04-02T09:00:00Z'), new Date('2031-04-02T10:00:00Z'))).toBeUndefined();
    const at = new Date('2031-03-01T00:00:00Z');
    expect(await store.sessions.cancel(tenantId, session.id, at)).toMatchObject({ status: 'cancelled', cancelledAt: at });
    expect(await store.sessions.cancel(tenantId, session.id, new Date())).toBeUndefined();
  });

  it('lists upcoming proposed and scheduled sessions only', async () => {
    const upcoming = await store.sessions.listUpcoming(tenantId, [seed.relationship.id], new Date('2031-01-01T00:00:00Z'));
    expect(upcoming.every((s) => s.status === 'proposed' || s.status === 'scheduled')).toBe(true);
    expect(await store.sessions.listUpcoming(tenantId, [seed.relationship.id], new Date('2032-01-01T00:00:00Z'))).toEqual([]);
  });

  it('records attendance, and a cancelled meeting cancels a scheduled session', async () => {
    const session = await proposed();
    await store.sessions.confirmProposed(tenantId, session.id, seed.mentor.id);
    const checkedAt = new Date('2031-04-01T10:15:00Z');
    const row = await store.sessions.recordAttendance(tenantId, session.id, { [seed.mentee.id]: 'declined' }, checkedAt, true);
    expect(row).toMatchObject({ status: 'cancelled', attendance: { [seed.mentee.id]: 'declined' }, attendanceCheckedAt: checkedAt, cancelledAt: checkedAt });
  });

  it('records the mentor’s first contact once', async () => {
    const first = new Date('2031-02-01T00:00:00Z');
    await store.sessions.recordMentorFirstContact(tenantId, seed.relationship.id, first);
    await store.sessions.recordMentorFirstContact(tenantId, seed.relationship.id, new Date('2031-02-05T00:00:00Z'));
    expect((await store.relationships.get(tenantId, seed.relationship.id))!.mentorFirstContactAt).toEqual(first);
  });
});

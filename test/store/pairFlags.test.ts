import { defaultProgram } from '../../src/domain/defaultProgram';
import type { Store } from '../../src/store/store';
import type { Session } from '../../src/store/repositories/sessions';
import { testDatabaseTargets } from '../support/databases';
import { seedHeldSession, seedMentee, useSeededRelationship, type SeededRelationship } from './fixtures';

describe.each(testDatabaseTargets)('pair flags on $name', (target) => {
  let store: Store;
  let seed: SeededRelationship;
  let session: Session;
  const tenantId = 'tenant-a';
  const at = new Date('2031-01-11T09:00:00Z');

  useSeededRelationship(target, tenantId, async (opened, seeded) => {
    store = opened;
    seed = seeded;
    session = await seedHeldSession(store, seed);
  });

  it('raises a flag once per key, whoever raises it again', async () => {
    const key = `did-not-meet:${session.id}`;
    const first = await store.pairFlags.raise({
      tenantId,
      relationshipId: seed.relationship.id,
      reason: 'did-not-meet',
      key,
      sessionId: session.id,
      raisedByPersonId: seed.mentee.id,
      raisedAt: at,
    });
    expect(first).toMatchObject({ reason: 'did-not-meet', key, raisedAt: at, resolvedAt: null, raisedByPersonId: seed.mentee.id });
    const again = await store.pairFlags.raise({
      tenantId,
      relationshipId: seed.relationship.id,
      reason: 'did-not-meet',
      key,
      sessionId: session.id,
      raisedByPersonId: seed.mentor.id,
      raisedAt: new Date(at.getTime() + 60_000),
    });
    expect(again).toBeUndefined();
    expect(await store.pairFlags.listForRelationship(tenantId, seed.relationship.id)).toEqual([first]);
  });

  it("lists a program's open flags with the pair's names, oldest first, and resolves one once", async () => {
    const other = await seedMentee(store, seed, 'Olu Other');
    const otherPair = await store.relationships.create({
      tenantId,
      programId: seed.program.id,
      mentorPersonId: seed.mentor.id,
      menteePersonId: other.person.id,
    });
    const later = await store.pairFlags.raise({
      tenantId,
      relationshipId: otherPair.id,
      reason: 'no-session',
      key: `no-session:${otherPair.id}:none`,
      raisedAt: new Date(at.getTime() + 3600_000),
    });

    const open = await store.pairFlags.listOpenForProgram(tenantId, seed.program.id);
    expect(open.map((f) => [f.reason, f.menteeName, f.mentorName])).toEqual([
      ['did-not-meet', 'Max Mentee', 'Mia Mentor'],
      ['no-session', 'Olu Other', 'Mia Mentor'],
    ]);
    expect(open[0]).toMatchObject({ programId: seed.program.id, relationshipId: seed.relationship.id, sessionId: session.id });

    const resolvedAt = new Date(at.getTime() + 7200_000);
    const resolved = await store.pairFlags.resolve(tenantId, open[0]!.id, seed.mentor.id, resolvedAt);
    expect(resolved).toMatchObject({ resolvedAt, resolvedByPersonId: seed.mentor.id });
    expect(await store.pairFlags.resolve(tenantId, open[0]!.id, seed.mentee.id, new Date())).toBeUndefined();
    expect((await store.pairFlags.get(tenantId, open[0]!.id))!.resolvedByPersonId).toBe(seed.mentor.id);
    expect((await store.pairFlags.listOpenForProgram(tenantId, seed.program.id)).map((f) => f.id)).toEqual([later!.id]);
  });

  it('keeps tenants apart', async () => {
    const [flag] = await store.pairFlags.listOpenForProgram(tenantId, seed.program.id);
    expect(await store.pairFlags.get('tenant-b', flag!.id)).toBeUndefined();
    expect(await store.pairFlags.resolve('tenant-b', flag!.id, seed.mentor.id, new Date())).toBeUndefined();
    expect(await store.pairFlags.listOpenForProgram('tenant-b', seed.program.id)).toEqual([]);
    expect(await store.pairFlags.listForRelationship('tenant-b', seed.relationship.id)).toEqual([]);
    expect((await store.pairFlags.get(tenantId, flag!.id))!.resolvedAt).toBeNull();
  });

  it('reaches a flag through its own program only', async () => {
    const [flag] = await store.pairFlags.listOpenForProgram(tenantId, seed.program.id);
    const other = await store.programs.ensure(tenantId, { ...defaultProgram, slug: 'other-cohort', name: 'Other cohort' });
    expect(await store.pairFlags.getInProgram(tenantId, other.id, flag!.id)).toBeUndefined();
    expect(await store.pairFlags.resolveInProgram(tenantId, other.id, flag!.id, seed.mentor.id, at)).toBeUndefined();
    expect(await store.pairFlags.getInProgram(tenantId, seed.program.id, flag!.id)).toMatchObject({ id: flag!.id, resolvedAt: null });

    const resolved = await store.pairFlags.resolveInProgram(tenantId, seed.program.id, flag!.id, seed.mentor.id, at);
    expect(resolved).toMatchObject({ id: flag!.id, resolvedAt: at, resolvedByPersonId: seed.mentor.id });
    expect(await store.pairFlags.resolveInProgram(tenantId, seed.program.id, flag!.id, seed.mentor.id, at)).toBeUndefined();
    expect(await store.pairFlags.getInProgram('tenant-b', seed.program.id, flag!.id)).toBeUndefined();
  });

  it('works inside a transaction like every repository', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.pairFlags.raise({
          tenantId,
          relationshipId: seed.relationship.id,
          reason: 'low-rating',
          key: `low-rating:${session.id}:${seed.mentee.id}`,
          raisedAt: at,
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const keys = (await store.pairFlags.listForRelationship(tenantId, seed.relationship.id)).map((f) => f.key);
    expect(keys).not.toContain(`low-rating:${session.id}:${seed.mentee.id}`);
  });
});

import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { seedMentee, seedPair, useStore, violating } from './fixtures';

describe.each(testDatabaseTargets)('relationships on $name', (target) => {
  let store: Store;
  let seed: Awaited<ReturnType<typeof seedPair>>;
  const tenantId = 'tenant-a';

  useStore(target, async (opened) => {
    store = opened;
    seed = await seedPair(store, tenantId);
    await store.tenants.ensure('tenant-b');
  });

  const draft = () => ({
    tenantId,
    programId: seed.program.id,
    mentorPersonId: seed.mentor.id,
    menteePersonId: seed.mentee.id,
  });
  /** A relationship with a mentee of its own: a mentee has one current mentor per program. */
  const freshDraft = async (label: string) => ({ ...draft(), menteePersonId: (await seedMentee(store, seed, label)).person.id });

  it('starts active at the first stage, linked to its proposal', async () => {
    const proposal = await store.matchProposals.create({
      tenantId,
      programId: seed.program.id,
      menteeEnrollmentId: seed.menteeEnrollment.id,
      mentorEnrollmentId: seed.mentorEnrollment.id,
      score: 1,
      reasons: { forMentee: [], forMentor: [] },
      status: 'proposed',
    });
    const created = await store.relationships.create({ ...draft(), proposalId: proposal.id });
    expect(created).toMatchObject({
      status: 'active',
      stage: 'rapport-building',
      proposalId: proposal.id,
      endedAt: null,
      endReason: null,
    });
    expect(created.startedAt).toBeInstanceOf(Date);
    expect(await store.relationships.get(tenantId, created.id)).toEqual(created);
  });

  it('lists a person\'s relationships as mentor and as mentee', async () => {
    const third = await store.people.upsertSeen({ tenantId, teamsUserId: '29:third', name: 'Tia' });
    // The mentee of the first relationship mentors someone else.
    await store.relationships.create({ ...draft(), mentorPersonId: seed.mentee.id, menteePersonId: third.id });

    expect((await store.relationships.listForPerson(tenantId, seed.mentor.id)).length).toBe(1);
    const menteeOf = await store.relationships.listForPerson(tenantId, seed.mentee.id);
    expect(menteeOf.map((r) => [r.mentorPersonId, r.menteePersonId])).toEqual([
      [seed.mentor.id, seed.mentee.id],
      [seed.mentee.id, third.id],
    ]);
    expect((await store.relationships.listForPerson(tenantId, third.id)).length).toBe(1);
  });

  it('moves through stages', async () => {
    const relationship = await store.relationships.create(await freshDraft('moves'));
    expect(await store.relationships.setStage(tenantId, relationship.id, 'progression')).toMatchObject({
      id: relationship.id,
      stage: 'progression',
    });
    expect((await store.relationships.get(tenantId, relationship.id))?.stage).toBe('progression');
  });

  it('ends an active relationship once', async () => {
    const relationship = await store.relationships.create(await freshDraft('ends'));
    const ended = await store.relationships.end(tenantId, relationship.id, 'ended', 'Mentor left the company');
    expect(ended).toMatchObject({ status: 'ended', endReason: 'Mentor left the company' });
    expect(ended?.endedAt).toBeInstanceOf(Date);

    expect(await store.relationships.end(tenantId, relationship.id, 'finished', null)).toBeUndefined();
    expect(await store.relationships.get(tenantId, relationship.id)).toEqual(ended);
  });

  it('rejects a relationship of a person with themselves at the database', async () => {
    const before = (await store.relationships.listForPerson(tenantId, seed.mentor.id)).length;
    await expect(store.relationships.create({ ...draft(), menteePersonId: seed.mentor.id })).rejects.toMatchObject(
      violating('relationships_two_people'),
    );
    expect((await store.relationships.listForPerson(tenantId, seed.mentor.id)).length).toBe(before);
  });

  it('never reads or writes across tenants', async () => {
    const relationship = await store.relationships.create(await freshDraft('never'));
    expect(await store.relationships.get('tenant-b', relationship.id)).toBeUndefined();
    expect(await store.relationships.listForPerson('tenant-b', seed.mentor.id)).toEqual([]);
    expect(await store.relationships.setStage('tenant-b', relationship.id, 'moving-on')).toBeUndefined();
    expect(await store.relationships.end('tenant-b', relationship.id, 'ended', 'x')).toBeUndefined();
    expect(await store.relationships.get(tenantId, relationship.id)).toEqual(relationship);
  });

  it('allows one current relationship per mentee in a program, and a new one once it has ended', async () => {
    const mentee = await seedMentee(store, seed, 'one-at-a-time');
    const first = await store.relationships.create({ ...draft(), menteePersonId: mentee.person.id });
    const other = await store.people.upsertSeen({ tenantId, teamsUserId: '29:other-mentor', name: 'Omar' });
    await expect(
      store.relationships.create({ ...draft(), mentorPersonId: other.id, menteePersonId: mentee.person.id }),
    ).rejects.toMatchObject(violating('relationships_one_current_per_mentee'));

    await store.relationships.end(tenantId, first.id, 'ended', null);
    const second = await store.relationships.create({ ...draft(), mentorPersonId: other.id, menteePersonId: mentee.person.id });
    expect(second.status).toBe('active');
  });
});

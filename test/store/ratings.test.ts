import type { Session } from '../../src/store/repositories/sessions';
import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { seedHeldSession, useSeededRelationship, violating, type SeededRelationship } from './fixtures';

describe.each(testDatabaseTargets)('ratings on $name', (target) => {
  let store: Store;
  let seed: SeededRelationship;
  let session: Session;
  const tenantId = 'tenant-a';

  useSeededRelationship(target, tenantId, async (opened, seeded) => {
    store = opened;
    seed = seeded;
    session = await seedHeldSession(store, seed);
  });

  it('keeps one rating per session and rater: a second upsert updates the same row', async () => {
    const first = await store.ratings.upsert({
      tenantId,
      sessionId: session.id,
      raterPersonId: seed.mentee.id,
      score: 3,
      tookPlace: true,
    });
    expect(first).toMatchObject({ score: 3, tookPlace: true, mostUseful: null, shareWithPartner: false, goalProgress: {} });

    const second = await store.ratings.upsert({
      tenantId,
      sessionId: session.id,
      raterPersonId: seed.mentee.id,
      score: 5,
      tookPlace: true,
      mostUseful: 'The feedback on my draft',
      shareWithPartner: true,
      goalProgress: { someGoal: 60 },
    });
    expect(second).toMatchObject({
      id: first!.id,
      score: 5,
      mostUseful: 'The feedback on my draft',
      shareWithPartner: true,
      goalProgress: { someGoal: 60 },
    });
    expect(second!.updatedAt.getTime()).toBeGreaterThanOrEqual(first!.updatedAt.getTime());
    expect(await store.ratings.listForSession(tenantId, session.id)).toEqual([second]);
  });

  it('lists a session\'s ratings from both sides and a rater\'s ratings', async () => {
    const mentorRating = await store.ratings.upsert({
      tenantId,
      sessionId: session.id,
      raterPersonId: seed.mentor.id,
      score: 4,
      tookPlace: true,
    });
    const forSession = await store.ratings.listForSession(tenantId, session.id);
    expect(forSession.map((r) => r.raterPersonId).sort()).toEqual([seed.mentee.id, seed.mentor.id].sort());
    expect(await store.ratings.listByRater(tenantId, seed.mentor.id)).toEqual([mentorRating]);
  });

  it('rejects a score outside 1..5 at the database', async () => {
    const third = await store.people.upsertSeen({ tenantId, teamsUserId: '29:third', name: 'Tia' });
    for (const score of [0, 6]) {
      await expect(
        store.ratings.upsert({ tenantId, sessionId: session.id, raterPersonId: third.id, score, tookPlace: true }),
      ).rejects.toMatchObject(violating('ratings_score_range'));
    }
    await expect(
      store.ratings.upsert({ tenantId, sessionId: session.id, raterPersonId: seed.mentee.id, score: 9, tookPlace: true }),
    ).rejects.toMatchObject(violating('ratings_score_range'));
    expect(await store.ratings.listByRater(tenantId, third.id)).toEqual([]);
    expect((await store.ratings.listByRater(tenantId, seed.mentee.id))[0]?.score).toBe(5);
  });

  it('never reads or writes across tenants', async () => {
    expect(await store.ratings.listForSession('tenant-b', session.id)).toEqual([]);
    expect(await store.ratings.listByRater('tenant-b', seed.mentee.id)).toEqual([]);
    const tampered = await store.ratings.upsert({
      tenantId: 'tenant-b',
      sessionId: session.id,
      raterPersonId: seed.mentee.id,
      score: 1,
      tookPlace: false,
    });
    expect(tampered).toBeUndefined();
    const stored = await store.ratings.listByRater(tenantId, seed.mentee.id);
    expect(stored.map((r) => [r.tenantId, r.score])).toEqual([[tenantId, 5]]);
  });
});

import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { useSeededRelationship, violating, type SeededRelationship } from './fixtures';

describe.each(testDatabaseTargets)('goals and milestones on $name', (target) => {
  let store: Store;
  let seed: SeededRelationship;
  const tenantId = 'tenant-a';

  useSeededRelationship(target, tenantId, (opened, seeded) => {
    store = opened;
    seed = seeded;
  });

  const draft = (title = 'Give a conference talk') => ({
    tenantId,
    relationshipId: seed.relationship.id,
    ownerPersonId: seed.mentee.id,
    title,
    measure: 'Talk accepted and given',
    targetDate: '2031-09-30',
  });

  it('creates a goal not started at 0% and lists a relationship\'s goals', async () => {
    const goal = await store.goals.create(draft());
    expect(goal).toMatchObject({ status: 'not-started', progress: 0, targetDate: '2031-09-30', completedAt: null });
    expect(await store.goals.get(tenantId, goal.id)).toEqual(goal);
    const second = await store.goals.create(draft('Read two books'));
    expect((await store.goals.listForRelationship(tenantId, seed.relationship.id)).map((g) => g.id)).toEqual([
      goal.id,
      second.id,
    ]);
  });

  it('updates fields, stamps completedAt when done and clears it when reopened', async () => {
    const goal = await store.goals.create(draft('Mentor an intern'));
    const progressing = await store.goals.update(tenantId, goal.id, {
      status: 'in-progress',
      progress: 40,
      measure: 'Intern ships a feature',
      targetDate: null,
    });
    expect(progressing).toMatchObject({
      title: 'Mentor an intern',
      status: 'in-progress',
      progress: 40,
      measure: 'Intern ships a feature',
      targetDate: null,
      completedAt: null,
    });

    const done = await store.goals.update(tenantId, goal.id, { status: 'done', progress: 100 });
    expect(done?.completedAt).toBeInstanceOf(Date);

    const renamed = await store.goals.update(tenantId, goal.id, { title: 'Mentor two interns' });
    expect(renamed?.completedAt).toEqual(done?.completedAt);
    const doneAgain = await store.goals.update(tenantId, goal.id, { status: 'done' });
    expect(doneAgain?.completedAt).toEqual(done?.completedAt);

    const reopened = await store.goals.update(tenantId, goal.id, { status: 'in-progress', progress: 90 });
    expect(reopened).toMatchObject({ status: 'in-progress', completedAt: null });
  });

  it('rejects progress outside 0..100 at the database', async () => {
    const goal = await store.goals.create(draft('Bounded'));
    await expect(store.goals.update(tenantId, goal.id, { progress: 101 })).rejects.toMatchObject(violating('goals_progress_range'));
    await expect(store.goals.update(tenantId, goal.id, { progress: -1 })).rejects.toMatchObject(violating('goals_progress_range'));
    expect((await store.goals.get(tenantId, goal.id))?.progress).toBe(0);
  });

  it('adds milestones in order and completes each once', async () => {
    const goal = await store.goals.create(draft('With milestones'));
    const outline = await store.goals.addMilestone(tenantId, goal.id, 'Write outline', '2031-06-01');
    const submit = await store.goals.addMilestone(tenantId, goal.id, 'Submit abstract');
    expect(outline).toMatchObject({ position: 1, dueOn: '2031-06-01', doneAt: null });
    expect(submit).toMatchObject({ position: 2, dueOn: null });

    const completed = await store.goals.completeMilestone(tenantId, outline!.id);
    expect(completed?.doneAt).toBeInstanceOf(Date);
    expect(await store.goals.completeMilestone(tenantId, outline!.id)).toBeUndefined();

    const listed = await store.goals.listMilestones(tenantId, goal.id);
    expect(listed.map((m) => [m.title, m.position, m.doneAt !== null])).toEqual([
      ['Write outline', 1, true],
      ['Submit abstract', 2, false],
    ]);
  });

  it('deletes a goal with its milestones', async () => {
    const goal = await store.goals.create(draft('Short-lived'));
    await store.goals.addMilestone(tenantId, goal.id, 'Step');
    expect(await store.goals.delete(tenantId, goal.id)).toBe(true);
    expect(await store.goals.get(tenantId, goal.id)).toBeUndefined();
    expect(await store.goals.listMilestones(tenantId, goal.id)).toEqual([]);
    expect(await store.goals.delete(tenantId, goal.id)).toBe(false);
  });

  it('never reads or writes across tenants', async () => {
    const goal = await store.goals.create(draft('Private'));
    const milestone = (await store.goals.addMilestone(tenantId, goal.id, 'Mine'))!;

    expect(await store.goals.get('tenant-b', goal.id)).toBeUndefined();
    expect(await store.goals.listForRelationship('tenant-b', seed.relationship.id)).toEqual([]);
    expect(await store.goals.update('tenant-b', goal.id, { status: 'dropped' })).toBeUndefined();
    expect(await store.goals.delete('tenant-b', goal.id)).toBe(false);
    expect(await store.goals.addMilestone('tenant-b', goal.id, 'Intruder')).toBeUndefined();
    expect(await store.goals.listMilestones('tenant-b', goal.id)).toEqual([]);
    expect(await store.goals.completeMilestone('tenant-b', milestone.id)).toBeUndefined();

    expect(await store.goals.get(tenantId, goal.id)).toEqual(goal);
    expect(await store.goals.listMilestones(tenantId, goal.id)).toEqual([milestone]);
  });
});

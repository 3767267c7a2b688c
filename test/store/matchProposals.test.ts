import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { seedMentee, seedPair, useStore, violating } from './fixtures';

describe.each(testDatabaseTargets)('match proposals on $name', (target) => {
  let store: Store;
  let seed: Awaited<ReturnType<typeof seedPair>>;
  const tenantId = 'tenant-a';

  useStore(target, async (opened) => {
    store = opened;
    seed = await seedPair(store, tenantId);
    await seedPair(store, 'tenant-b');
  });

  const draft = (status: 'draft' | 'proposed') => ({
    tenantId,
    programId: seed.program.id,
    menteeEnrollmentId: seed.menteeEnrollment.id,
    mentorEnrollmentId: seed.mentorEnrollment.id,
    score: 0.82,
    reasons: { forMentee: ['Both care about leadership'], forMentor: ['Both care about leadership'] },
    status,
  });

  let mentees = 0;
  /** An open proposal for a mentee of its own: a mentee waits on one mentor at a time. */
  const proposedDraft = async () => ({
    ...draft('proposed'),
    menteeEnrollmentId: (await seedMentee(store, seed, `mentee-${++mentees}`)).enrollment.id,
  });

  it('creates drafts without a proposal time and proposals with one', async () => {
    const drafted = await store.matchProposals.create(draft('draft'));
    expect(drafted).toMatchObject({ status: 'draft', proposedAt: null, respondedAt: null, reasons: { forMentee: ['Both care about leadership'], forMentor: ['Both care about leadership'] } });
    expect(drafted.score).toBeCloseTo(0.82);

    const expiresAt = new Date(Date.now() + 3 * 24 * 3600_000);
    const proposed = await store.matchProposals.create({ ...draft('proposed'), expiresAt });
    await expect(store.matchProposals.create(draft('proposed'))).rejects.toMatchObject(
      violating('match_proposals_one_open_per_mentee'),
    );
    expect(proposed.status).toBe('proposed');
    expect(proposed.proposedAt).toBeInstanceOf(Date);
    expect(proposed.expiresAt?.getTime()).toBe(expiresAt.getTime());
    expect(await store.matchProposals.get(tenantId, proposed.id)).toEqual(proposed);
  });

  it('lists a program\'s proposals by status', async () => {
    const proposed = await store.matchProposals.listForProgram(tenantId, seed.program.id, 'proposed');
    const drafts = await store.matchProposals.listForProgram(tenantId, seed.program.id, 'draft');
    expect(proposed.map((p) => p.status)).toEqual(['proposed']);
    expect(drafts.map((p) => p.status)).toEqual(['draft']);
    expect(await store.matchProposals.listForProgram(tenantId, seed.program.id, 'accepted')).toEqual([]);
  });

  it('accepts once: a repeated click returns undefined and changes nothing', async () => {
    const proposal = await store.matchProposals.create(await proposedDraft());
    const accepted = await store.matchProposals.respond(tenantId, proposal.id, 'proposed', 'accepted');
    expect(accepted).toMatchObject({ id: proposal.id, status: 'accepted', declineReason: null });
    expect(accepted?.respondedAt).toBeInstanceOf(Date);

    expect(
      await store.matchProposals.respond(tenantId, proposal.id, 'proposed', 'declined', { declineReason: 'late' }),
    ).toBeUndefined();
    expect(await store.matchProposals.get(tenantId, proposal.id)).toEqual(accepted);
  });

  it('lets exactly one of two racing responses win', async () => {
    const proposal = await store.matchProposals.create(await proposedDraft());
    const results = await Promise.all([
      store.matchProposals.respond(tenantId, proposal.id, 'proposed', 'accepted'),
      store.matchProposals.respond(tenantId, proposal.id, 'proposed', 'declined', { declineReason: 'busy' }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await store.matchProposals.get(tenantId, proposal.id);
    expect(stored?.status).toBe(results.find(Boolean)!.status);
  });

  it('records a decline reason, and expiry without a response time', async () => {
    const declined = await store.matchProposals.respond(
      tenantId,
      (await store.matchProposals.create(await proposedDraft())).id,
      'proposed',
      'declined',
      { declineReason: 'No time this quarter' },
    );
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'No time this quarter' });

    const expired = await store.matchProposals.respond(
      tenantId,
      (await store.matchProposals.create(await proposedDraft())).id,
      'proposed',
      'expired',
    );
    expect(expired).toMatchObject({ status: 'expired', respondedAt: null });
  });

  it('does not respond to a draft', async () => {
    const drafted = await store.matchProposals.create(draft('draft'));
    expect(await store.matchProposals.respond(tenantId, drafted.id, 'proposed', 'accepted')).toBeUndefined();
    expect((await store.matchProposals.get(tenantId, drafted.id))?.status).toBe('draft');
  });

  it('never reads or writes across tenants', async () => {
    const proposal = await store.matchProposals.create(await proposedDraft());
    expect(await store.matchProposals.get('tenant-b', proposal.id)).toBeUndefined();
    expect(await store.matchProposals.listForProgram('tenant-b', seed.program.id, 'proposed')).toEqual([]);
    expect(await store.matchProposals.respond('tenant-b', proposal.id, 'proposed', 'accepted')).toBeUndefined();
    expect((await store.matchProposals.get(tenantId, proposal.id))?.status).toBe('proposed');
  });
});

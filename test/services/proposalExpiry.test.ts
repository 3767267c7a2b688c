/**
 * Proposal expiry as the job runs it, on a real store: a job that arrives
 * before the proposal is due (by the app's clock) is put back for the due
 * time, an answered proposal is left alone, and a due one expires once.
 * The scheduler and notifier are the ports to pg-boss and Teams; here they
 * only record what they were asked.
 */
import { createProposalService } from '../../src/services/proposals';
import { questionnaireDirectory } from '../../src/services/directory';
import type { MatchNotifier } from '../../src/services/ports';
import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { seedPair, useStore } from '../store/fixtures';

const DAY = 24 * 3600_000;

describe.each(testDatabaseTargets)('proposal expiry, on $name', (target) => {
  let store: Store;
  let seed: Awaited<ReturnType<typeof seedPair>>;
  useStore(target, async (opened) => {
    store = opened;
    seed = await seedPair(store, 'tenant-a');
  });

  const scheduled: { proposalId: string; at: Date }[] = [];
  const told: string[] = [];
  const notifier: MatchNotifier = {
    proposalToMentor: async (n) => void told.push(`proposal:${n.mentorName}`),
    proposalEnded: async (n, outcome) => void told.push(`ended:${outcome}:${n.mentorName}`),
    menteeProposalLapsed: async (n, outcome, next) => void told.push(`lapsed:${outcome}:${next?.mentorName ?? 'none'}`),
    matchMade: async (n) => void told.push(`matched:${n.mentorName}`),
    relationshipEnded: async () => void told.push('relationship-ended'),
  };
  const clock = { at: new Date('2026-03-03T09:00:00Z'), now: () => new Date(clock.at) };
  const service = () =>
    createProposalService({
      store,
      directory: questionnaireDirectory(),
      notifier,
      clock,
      scheduler: {
        schedule: async (queue, job, at) => {
          if (queue === 'proposal-expiry') scheduled.push({ proposalId: (job as { proposalId: string }).proposalId, at });
        },
      },
    });

  it('puts an early job back for the due time, then expires the proposal once and tells both', async () => {
    const proposal = await store.matchProposals.create({
      tenantId: 'tenant-a',
      programId: seed.program.id,
      menteeEnrollmentId: seed.menteeEnrollment.id,
      mentorEnrollmentId: seed.mentorEnrollment.id,
      score: 70,
      reasons: { forMentee: [], forMentor: [] },
      status: 'proposed',
      proposedAt: clock.now(),
      expiresAt: new Date(clock.at.getTime() + 3 * DAY),
    });
    const job = { tenantId: 'tenant-a', proposalId: proposal.id };

    clock.at = new Date(clock.at.getTime() + 2 * DAY);
    expect(await service().expire(job)).toBe('rescheduled');
    expect(scheduled).toEqual([{ proposalId: proposal.id, at: proposal.expiresAt }]);
    expect((await store.matchProposals.get('tenant-a', proposal.id))!.status).toBe('proposed');
    expect(told).toEqual([]);

    clock.at = new Date(clock.at.getTime() + DAY);
    expect(await service().expire(job)).toBe('expired');
    expect((await store.matchProposals.get('tenant-a', proposal.id))!.status).toBe('expired');
    // The only mentor was this one, so there is nobody left to ask.
    expect(told).toEqual(['ended:expired:Mia Mentor', 'lapsed:expired:none']);

    expect(await service().expire(job)).toBe('answered');
    expect(told).toHaveLength(2);
  });
});

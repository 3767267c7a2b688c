/**
 * Rating sessions on a real store: the prompt job (when it is scheduled,
 * whom it asks, and that a cancelled or moved session is not asked about),
 * answers that write once, edits within RATING_EDIT_DAYS and a refusal
 * after, goal progress carried into the pair's goals, flags for the admins,
 * and the session's status following the answers. The scheduler and notifier
 * are the ports to pg-boss and Teams; here they record what they were asked.
 */
import { and, eq } from 'drizzle-orm';
import { createSessionRatingService, type RatingAnswers, type RatingView } from '../../src/services/sessionRatings';
import type { JobPayloads } from '../../src/services/ports';
import type { Database } from '../../src/store/database';
import type { Goal } from '../../src/store/repositories/goals';
import type { Person } from '../../src/store/repositories/people';
import type { Session } from '../../src/store/repositories/sessions';
import { auditLog, programs } from '../../src/store/schema';
import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { seedMentee, seedRelationship, useStore } from '../store/fixtures';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const TENANT = 'tenant-a';

describe.each(testDatabaseTargets)('session ratings, on $name', (target) => {
  let store: Store;
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRelationship>>;
  let goals: Goal[];
  let strangersGoal: Goal;
  let stranger: Person;

  useStore(target, async (opened, db) => {
    store = opened;
    database = db;
    seed = await seedRelationship(store, TENANT);
    goals = [
      await store.goals.create({ tenantId: TENANT, relationshipId: seed.relationship.id, ownerPersonId: seed.mentee.id, title: 'Lead a team', measure: 'Leads the Q3 project' }),
      await store.goals.create({ tenantId: TENANT, relationshipId: seed.relationship.id, ownerPersonId: seed.mentee.id, title: 'Give feedback', measure: 'Monthly 1:1s' }),
    ];
    // Another pair in the program, whose goal must never move from this pair's card.
    const other = await seedMentee(store, seed, 'Sam Stranger');
    stranger = other.person;
    const otherPair = await store.relationships.create({ tenantId: TENANT, programId: seed.program.id, mentorPersonId: seed.mentor.id, menteePersonId: stranger.id });
    strangersGoal = await store.goals.create({ tenantId: TENANT, relationshipId: otherPair.id, ownerPersonId: stranger.id, title: 'Not yours', measure: '-' });
  });

  const clock = { at: new Date('2026-03-03T12:00:00Z'), now: () => new Date(clock.at) };
  const scheduled: { queue: string; data: unknown; at: Date }[] = [];
  const prompts: { view: RatingView; key: string }[] = [];
  const service = () =>
    createSessionRatingService({
      store,
      clock,
      scheduler: { schedule: async (queue, data, at) => void scheduled.push({ queue, data, at }) },
      notifier: { ratingPrompt: async (view, key) => void prompts.push({ view, key }) },
    });

  async function newSession(endsAt: Date): Promise<Session> {
    return store.sessions.create({
      tenantId: TENANT,
      relationshipId: seed.relationship.id,
      startsAt: new Date(endsAt.getTime() - 60 * MINUTE),
      endsAt,
      status: 'scheduled',
    });
  }

  const answers = (over: Partial<RatingAnswers> = {}): RatingAnswers => ({
    score: 4,
    tookPlace: true,
    mostUseful: 'Talking through the reorg',
    shareWithPartner: false,
    goalProgress: {},
    ...over,
  });
  const flags = () => store.pairFlags.listForRelationship(TENANT, seed.relationship.id);
  const flagAudits = () =>
    database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, TENANT), eq(auditLog.action, 'pair.flagged')));

  describe('the prompt', () => {
    it("is scheduled for the program's delay after the end (5 minutes by default), keyed by session and end", async () => {
      const session = await newSession(new Date('2026-03-03T11:00:00Z'));
      scheduled.length = 0;
      await service().schedulePrompt(session);
      expect(scheduled).toEqual([
        {
          queue: 'rating-prompt',
          data: { tenantId: TENANT, sessionId: session.id, endsAt: '2026-03-03T11:00:00.000Z' },
          at: new Date('2026-03-03T11:05:00Z'),
        },
      ]);

      await database.db.update(programs).set({ ratingDelayMinutes: 30 }).where(eq(programs.id, seed.program.id));
      scheduled.length = 0;
      await service().schedulePrompt(session);
      expect(scheduled[0]!.at).toEqual(new Date('2026-03-03T11:30:00Z'));
      await database.db.update(programs).set({ ratingDelayMinutes: 5 }).where(eq(programs.id, seed.program.id));
    });

    it('asks each participant once, by a key per session and person, with the pair\'s goals', async () => {
      const session = await newSession(new Date('2026-03-03T11:00:00Z'));
      prompts.length = 0;
      const job = { tenantId: TENANT, sessionId: session.id, endsAt: session.endsAt.toISOString() };
      expect(await service().sendPrompt(job)).toBe('sent');
      expect(prompts.map((p) => p.key).sort()).toEqual(
        [`rating:${session.id}:${seed.mentee.id}`, `rating:${session.id}:${seed.mentor.id}`].sort(),
      );
      const toMentee = prompts.find((p) => p.view.personId === seed.mentee.id)!.view;
      expect(toMentee).toMatchObject({ partnerName: 'Mia Mentor', sessionId: session.id, rating: null, editable: true });
      expect(toMentee.goals.map((g) => g.title)).toEqual(['Lead a team', 'Give feedback']);
      expect(toMentee.editableUntil).toEqual(new Date(session.endsAt.getTime() + 7 * DAY));
    });

    it('puts a job that runs before the prompt is due back for the due time', async () => {
      const session = await newSession(new Date('2026-03-03T11:58:00Z'));
      prompts.length = 0;
      scheduled.length = 0;
      const job = { tenantId: TENANT, sessionId: session.id, endsAt: session.endsAt.toISOString() };
      expect(await service().sendPrompt(job)).toBe('rescheduled');
      expect(prompts).toEqual([]);
      expect(scheduled[0]!.at).toEqual(new Date('2026-03-03T12:03:00Z'));
    });

    it('is stale once the rating window has closed (the app was down all week)', async () => {
      const session = await newSession(new Date(clock.at.getTime() - 8 * DAY));
      prompts.length = 0;
      const job = { tenantId: TENANT, sessionId: session.id, endsAt: session.endsAt.toISOString() };
      expect(await service().sendPrompt(job)).toBe('stale');
      expect(prompts).toEqual([]);
    });

    it('is stale when the session was cancelled', async () => {
      const session = await newSession(new Date('2026-03-03T11:00:00Z'));
      await store.sessions.update(TENANT, session.id, { status: 'cancelled' });
      prompts.length = 0;
      const job = { tenantId: TENANT, sessionId: session.id, endsAt: session.endsAt.toISOString() };
      expect(await service().sendPrompt(job)).toBe('stale');
      expect(prompts).toEqual([]);
    });

    it('is stale when the session moved: only the job for the new end asks', async () => {
      const session = await newSession(new Date('2026-03-02T11:00:00Z'));
      const oldJob: JobPayloads['rating-prompt'] = { tenantId: TENANT, sessionId: session.id, endsAt: session.endsAt.toISOString() };
      const moved = (await store.sessions.update(TENANT, session.id, {
        startsAt: new Date('2026-03-03T10:00:00Z'),
        endsAt: new Date('2026-03-03T11:00:00Z'),
      }))!;
      prompts.length = 0;
      expect(await service().sendPrompt(oldJob)).toBe('stale');
      expect(prompts).toEqual([]);
      expect(await service().sendPrompt({ ...oldJob, endsAt: moved.endsAt.toISOString() })).toBe('sent');
      expect(prompts).toHaveLength(2);
    });
  });

  describe('answers', () => {
    let session: Session;
    beforeAll(async () => {
      session = await newSession(new Date('2026-03-03T11:00:00Z'));
    });

    it('writes once for the same answers, however often they are sent', async () => {
      const sent = answers({ goalProgress: { [goals[0]!.id]: 50, [strangersGoal.id]: 100, 'not-a-goal': 75 } });
      const first = await service().submit(seed.mentee, session.id, sent);
      expect(first.kind).toBe('saved');
      const [row] = await store.ratings.listForSession(TENANT, session.id);
      expect(row).toMatchObject({ score: 4, tookPlace: true, mostUseful: 'Talking through the reorg', goalProgress: { [goals[0]!.id]: 50 } });

      const again = await service().submit(seed.mentee, session.id, sent);
      expect(again.kind).toBe('unchanged');
      const rows = await store.ratings.listForSession(TENANT, session.id);
      expect(rows).toEqual([row]);
    });

    it("carries goal progress into the pair's own goals only", async () => {
      expect(await store.goals.get(TENANT, goals[0]!.id)).toMatchObject({ progress: 50, status: 'in-progress' });
      expect(await store.goals.get(TENANT, goals[1]!.id)).toMatchObject({ progress: 0, status: 'not-started' });
      expect(await store.goals.get(TENANT, strangersGoal.id)).toMatchObject({ progress: 0, status: 'not-started' });
    });

    it('does not undo a change made since the card was sent when the value was left as shown', async () => {
      await store.goals.update(TENANT, goals[1]!.id, { progress: 60, status: 'in-progress' });
      const result = await service().submit(
        seed.mentee,
        session.id,
        answers({ goalProgress: { [goals[0]!.id]: 50, [goals[1]!.id]: 0 }, shownProgress: { [goals[0]!.id]: 0, [goals[1]!.id]: 0 } }),
      );
      expect(result.kind).toBe('saved');
      expect((await store.goals.get(TENANT, goals[1]!.id))!.progress).toBe(60);
    });

    it('takes changed answers within 7 days of the end as an edit of the same row', async () => {
      clock.at = new Date(session.endsAt.getTime() + 7 * DAY - MINUTE);
      const edited = await service().submit(
        seed.mentee,
        session.id,
        answers({ score: 5, mostUseful: 'The mock interview', shareWithPartner: true, goalProgress: { [goals[0]!.id]: 100 } }),
      );
      expect(edited.kind).toBe('saved');
      const rows = await store.ratings.listForSession(TENANT, session.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ score: 5, mostUseful: 'The mock interview', shareWithPartner: true });
      expect(await store.goals.get(TENANT, goals[0]!.id)).toMatchObject({ progress: 100, status: 'done' });
      expect(await service().edit(seed.mentee, session.id)).toMatchObject({ kind: 'form' });
    });

    it('refuses an edit after 7 days and writes nothing', async () => {
      clock.at = new Date(session.endsAt.getTime() + 7 * DAY + MINUTE);
      const before = await store.ratings.listForSession(TENANT, session.id);
      const late = await service().submit(seed.mentee, session.id, answers({ score: 1, tookPlace: false }));
      expect(late.kind).toBe('closed');
      expect(await store.ratings.listForSession(TENANT, session.id)).toEqual(before);
      expect((await flags()).filter((f) => f.sessionId === session.id)).toEqual([]);
      expect(await service().edit(seed.mentee, session.id)).toMatchObject({ kind: 'closed' });
      // A first answer is refused just the same.
      expect((await service().submit(seed.mentor, session.id, answers())).kind).toBe('closed');
      expect(await store.ratings.listForSession(TENANT, session.id)).toHaveLength(1);
      clock.at = new Date('2026-03-03T12:00:00Z');
    });

    it('answers only the two people of the pair, and not for a cancelled session', async () => {
      expect(await service().submit(stranger, session.id, answers())).toEqual({ kind: 'unknown' });
      expect(await service().submit(seed.mentee, '00000000-0000-4000-8000-000000000000', answers())).toEqual({ kind: 'unknown' });
      const cancelled = await newSession(new Date('2026-03-03T11:00:00Z'));
      await store.sessions.update(TENANT, cancelled.id, { status: 'cancelled' });
      expect(await service().submit(seed.mentee, cancelled.id, answers())).toEqual({ kind: 'cancelled' });
      expect(await store.ratings.listForSession(TENANT, cancelled.id)).toEqual([]);
    });

    it('does not take answers for a session moved to later that has not ended', async () => {
      const later = await newSession(new Date('2026-03-04T11:00:00Z'));
      expect((await service().submit(seed.mentee, later.id, answers())).kind).toBe('not-ended');
      expect(await store.ratings.listForSession(TENANT, later.id)).toEqual([]);
    });
  });

  describe('flags and session status', () => {
    it('flags a rating of 1 or 2 once per rater, with an audit entry, and marks the session held', async () => {
      const session = await newSession(new Date('2026-03-03T11:00:00Z'));
      await service().submit(seed.mentee, session.id, answers({ score: 2 }));
      await service().submit(seed.mentee, session.id, answers({ score: 2 }));
      await service().submit(seed.mentee, session.id, answers({ score: 1, mostUseful: 'Not much' }));
      const raised = (await flags()).filter((f) => f.sessionId === session.id);
      expect(raised.map((f) => [f.reason, f.key, f.raisedByPersonId])).toEqual([
        ['low-rating', `low-rating:${session.id}:${seed.mentee.id}`, seed.mentee.id],
      ]);
      expect(raised[0]!.raisedAt).toEqual(clock.now());
      const audits = (await flagAudits()).filter((a) => a.details.sessionId === session.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorPersonId: seed.mentee.id, targetType: 'relationship', targetId: seed.relationship.id });
      expect(audits[0]!.details).toMatchObject({ reason: 'low-rating', flagId: raised[0]!.id });
      expect((await store.sessions.get(TENANT, session.id))!.status).toBe('held');

      await service().submit(seed.mentor, session.id, answers({ score: 3 }));
      expect((await flags()).filter((f) => f.sessionId === session.id)).toHaveLength(1);
    });

    it('does not flag a rating of 3 or more', async () => {
      const session = await newSession(new Date('2026-03-03T11:00:00Z'));
      await service().submit(seed.mentee, session.id, answers({ score: 3 }));
      await service().submit(seed.mentor, session.id, answers({ score: 5 }));
      expect((await flags()).filter((f) => f.sessionId === session.id)).toEqual([]);
    });

    it('flags "we did not meet" once per session; missed only when both say so', async () => {
      const session = await newSession(new Date('2026-03-03T11:00:00Z'));
      await service().submit(seed.mentee, session.id, answers({ tookPlace: false, score: 3 }));
      expect((await store.sessions.get(TENANT, session.id))!.status).toBe('scheduled');
      await service().submit(seed.mentor, session.id, answers({ tookPlace: false, score: 3 }));
      expect((await store.sessions.get(TENANT, session.id))!.status).toBe('missed');
      const raised = (await flags()).filter((f) => f.sessionId === session.id);
      expect(raised.map((f) => [f.reason, f.key])).toEqual([['did-not-meet', `did-not-meet:${session.id}`]]);
      expect((await flagAudits()).filter((a) => a.details.sessionId === session.id)).toHaveLength(1);

      // The mentor remembers after all: the session was held.
      await service().submit(seed.mentor, session.id, answers({ tookPlace: true, score: 3 }));
      expect((await store.sessions.get(TENANT, session.id))!.status).toBe('held');
    });
  });
});

/**
 * Program health against a small dataset worked out by hand (see
 * programHealthFixture.ts): each figure, the series, the pairs at risk with
 * their actions, and resolving a flag once, audited. Rows of another program
 * and of another tenant are in the same database and must never count.
 */
import { eq } from 'drizzle-orm';
import { createProgramHealthService, type ProgramHealthService } from '../../src/services/programHealth';
import { programHealthRepository } from '../../src/store/repositories/programHealth';
import type { Database } from '../../src/store/database';
import { auditLog, enrollments, pairFlags, sessions } from '../../src/store/schema';
import { createStore } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { NOW, RANGE, seedHealthFixture, type HealthFixture } from './programHealthFixture';

describe.each(testDatabaseTargets)('program health, on $name', (target) => {
  let database: Database;
  let fx: HealthFixture;
  let service: ProgramHealthService;
  let clockNow = NOW;

  beforeAll(async () => {
    database = await target.open();
    fx = await seedHealthFixture(database);
    service = createProgramHealthService({ health: programHealthRepository(database.db), store: createStore(database.db), clock: { now: () => clockNow } });
  });
  afterAll(() => database.close());

  it('counts registrations by role in the range, withdrawals, and who is active now', async () => {
    const h = await service.health(fx.program, RANGE);
    expect(h.range).toEqual(RANGE);
    expect(h.generatedAt).toBe(NOW.toISOString());
    expect(h.registrations).toEqual({
      inRange: { mentor: 2, mentee: 3, both: 1, total: 6 },
      withdrawnInRange: 1,
      active: { mentors: 4, mentees: 5, total: 8 },
    });
  });

  it('computes match rate, median time to match, proposals and pairs', async () => {
    const h = await service.health(fx.program, RANGE);
    // e1, e2 (active pairs) and e3 (paused) of the five active mentees e1, e2, e3, e5, b1.
    expect(h.matchRate).toEqual({ matchedMentees: 3, activeMentees: 5, rate: 0.6 });
    // First matches started in May: e2 after 10 days, e3 after 14.
    expect(h.timeToMatch).toEqual({ medianDays: 12, mentees: 2 });
    expect(h.proposals).toEqual({ pending: 1, acceptedInRange: 1, declinedInRange: 1, expiredInRange: 1 });
    expect(h.pairs).toEqual({ active: 2, paused: 1, startedInRange: 2, endedInRange: 1, activeInRange: 4 });
  });

  it('counts sessions, attendance with calendar responses, ratings and goals of the range', async () => {
    const h = await service.health(fx.program, RANGE);
    expect(h.sessions).toEqual({ held: 3, missed: 1, cancelled: 1, scheduled: 0, proposed: 1, heldPerPair: 0.75 });
    expect(h.attendance).toEqual({
      held: 3,
      missed: 1,
      cancelled: 1,
      rate: 0.6,
      calendarResponses: { organizer: 2, accepted: 1, tentativelyAccepted: 1, declined: 1 },
    });
    expect(h.rating.count).toBe(6);
    expect(h.rating.average).toBeCloseTo(19 / 6, 10);
    expect(h.rating.byScore).toEqual({ '1': 1, '2': 1, '3': 1, '4': 2, '5': 1 });
    expect(h.rating.byMentors).toBeCloseTo(3.5, 10);
    expect(h.rating.byMentees).toBeCloseTo(3, 10);
    expect(h.goals).toEqual({ total: 5, done: 2, inProgress: 1, notStarted: 1, dropped: 1, completion: 0.4 });
  });

  it('shows mentor load against capacity', async () => {
    const h = await service.health(fx.program, RANGE);
    expect(h.mentorLoad).toEqual({
      mentors: 4,
      distribution: [
        { mentees: 0, mentors: 2 },
        { mentees: 1, mentors: 1 },
        { mentees: 2, mentors: 1 },
      ],
      totalCapacity: 6,
      totalMentees: 3,
      utilisation: 0.5,
      full: 1,
      overCapacity: 0,
      idle: 2,
    });
  });

  it('gives zero-filled series by week and month', async () => {
    const h = await service.health(fx.program, RANGE);
    expect(h.series.sessionsPerWeek).toEqual([
      { week: '2026-04-27', held: 0, missedOrCancelled: 1 },
      { week: '2026-05-04', held: 1, missedOrCancelled: 0 },
      { week: '2026-05-11', held: 0, missedOrCancelled: 0 },
      { week: '2026-05-18', held: 1, missedOrCancelled: 0 },
      { week: '2026-05-25', held: 1, missedOrCancelled: 1 },
    ]);
    expect(h.series.registrationsPerWeek).toEqual([
      { week: '2026-04-27', mentors: 1, mentees: 1 },
      { week: '2026-05-04', mentors: 1, mentees: 2 },
      { week: '2026-05-11', mentors: 0, mentees: 1 },
      { week: '2026-05-18', mentors: 1, mentees: 0 },
      { week: '2026-05-25', mentors: 0, mentees: 0 },
    ]);
    expect(h.series.ratingPerMonth).toHaveLength(1);
    expect(h.series.ratingPerMonth[0]).toMatchObject({ month: '2026-05', count: 6 });
    expect(h.series.ratingPerMonth[0]!.average).toBeCloseTo(19 / 6, 10);
    const spring = await service.health(fx.program, { from: '2026-04-15', to: '2026-05-31' });
    expect(spring.series.ratingPerMonth.map((m) => [m.month, m.count])).toEqual([
      ['2026-04', 1],
      ['2026-05', 6],
    ]);
  });

  it('lists pairs at risk, longest first, with open flags, computed reasons and actions', async () => {
    const h = await service.health(fx.program, RANGE);
    const programId = fx.program.id;
    expect(h.atRisk.total).toBe(2);
    expect(h.atRisk.byReason).toEqual({ 'low-rating': 1, 'did-not-meet': 0, 'no-session': 0, 'no-first-contact': 1 });
    expect(h.atRisk.pairs).toEqual([
      {
        relationshipId: fx.relationships.r2,
        mentor: { personId: fx.people.m1, name: 'Mia Mentor' },
        mentee: { personId: fx.people.e2, name: 'Bo Mentee' },
        startedAt: '2026-05-12T00:00:00.000Z',
        lastHeldSessionAt: null,
        // No session 30 days in too, but an admin resolved that flag on 13 June.
        reasons: [{ reason: 'no-first-contact', source: 'computed', flagId: null, since: '2026-05-19T00:00:00.000Z', sessionId: null }],
        actions: [
          { kind: 'nudge-pair', method: 'POST', path: `/api/v1/programs/${programId}/pairs/${fx.relationships.r2}/nudge` },
          { kind: 're-match', method: 'POST', path: `/api/v1/programs/${programId}/participants/${fx.people.e2}/rematch` },
        ],
      },
      {
        relationshipId: fx.relationships.r1,
        mentor: { personId: fx.people.m1, name: 'Mia Mentor' },
        mentee: { personId: fx.people.e1, name: 'Ann Mentee' },
        startedAt: '2026-04-20T00:00:00.000Z',
        lastHeldSessionAt: '2026-05-19T10:00:00.000Z',
        reasons: [{ reason: 'low-rating', source: 'flag', flagId: fx.flags['r1-low'], since: '2026-05-27T00:00:00.000Z', sessionId: null }],
        actions: [
          { kind: 'resolve-flag', flagId: fx.flags['r1-low'], method: 'POST', path: `/api/v1/programs/${programId}/flags/${fx.flags['r1-low']}/resolve` },
          { kind: 'nudge-pair', method: 'POST', path: `/api/v1/programs/${programId}/pairs/${fx.relationships.r1}/nudge` },
          { kind: 're-match', method: 'POST', path: `/api/v1/programs/${programId}/participants/${fx.people.e1}/rematch` },
        ],
      },
    ]);
  });

  it('finds a pair that has gone quiet for longer than the cadence, once nothing is booked', async () => {
    // On 19 June r1's last held session (19 May) is 31 days old; its booked session on 20 June keeps it off the list.
    clockNow = new Date('2026-06-19T12:00:00Z');
    try {
      const h = await service.health(fx.program, RANGE);
      expect(h.atRisk.pairs.find((p) => p.relationshipId === fx.relationships.r1)!.reasons.map((r) => r.reason)).toEqual(['low-rating']);
      clockNow = new Date('2026-06-21T12:00:00Z');
      const later = await service.health(fx.program, RANGE);
      expect(later.atRisk.pairs.find((p) => p.relationshipId === fx.relationships.r1)!.reasons).toEqual([
        expect.objectContaining({ reason: 'low-rating', source: 'flag' }),
        { reason: 'no-session', source: 'computed', flagId: null, since: '2026-06-18T10:00:00.000Z', sessionId: null },
      ]);
      expect(later.atRisk.byReason['no-session']).toBe(1);
    } finally {
      clockNow = NOW;
    }
  });

  it('resolves a flag once, records it in the audit log, and takes the pair off the list', async () => {
    const flagId = fx.flags['r1-low']!;
    const admin = fx.people.progadmin!;
    const first = await service.resolveFlag(fx.program, flagId, admin);
    expect(first).toEqual({
      kind: 'resolved',
      flag: { id: flagId, relationshipId: fx.relationships.r1, reason: 'low-rating', resolvedAt: NOW.toISOString() },
    });
    const again = await service.resolveFlag(fx.program, flagId, admin);
    expect(again.kind).toBe('already-resolved');
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.targetId, flagId));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      action: 'pair-flag.resolve',
      targetType: 'pair_flag',
      actorPersonId: admin,
      details: { programId: fx.program.id, relationshipId: fx.relationships.r1, reason: 'low-rating' },
    });
    const [stored] = await database.db.select().from(pairFlags).where(eq(pairFlags.id, flagId));
    expect(stored).toMatchObject({ resolvedByPersonId: admin, resolvedAt: NOW });

    const h = await service.health(fx.program, RANGE);
    expect(h.atRisk.pairs.map((p) => p.relationshipId)).toEqual([fx.relationships.r2]);
    expect(h.atRisk.byReason['low-rating']).toBe(0);
  });

  it("does not resolve another program's flag through this program", async () => {
    expect(await service.resolveFlag(fx.program, fx.flags['q1-low']!, fx.people.progadmin!)).toEqual({ kind: 'unknown-flag' });
    expect(await service.resolveFlag(fx.program, '00000000-0000-4000-8000-000000000000', fx.people.progadmin!)).toEqual({ kind: 'unknown-flag' });
    const [q1] = await database.db.select().from(pairFlags).where(eq(pairFlags.id, fx.flags['q1-low']!));
    expect(q1!.resolvedAt).toBeNull();
  });

  it('reuses an answer for up to a minute, then counts again', async () => {
    const range = { from: '2026-06-01', to: '2026-06-30' };
    const before = await service.health(fx.program, range);
    await database.db.insert(enrollments).values({
      tenantId: fx.program.tenantId,
      programId: fx.program.id,
      personId: fx.people.plain!,
      role: 'mentee',
      answers: {},
      status: 'active',
      createdAt: new Date('2026-06-14T09:00:00Z'),
    });
    try {
      clockNow = new Date(NOW.getTime() + 59_000);
      expect((await service.health(fx.program, range)).registrations.inRange.mentee).toBe(before.registrations.inRange.mentee);
      clockNow = new Date(NOW.getTime() + 61_000);
      const fresh = await service.health(fx.program, range);
      expect(fresh.registrations.inRange.mentee).toBe(before.registrations.inRange.mentee + 1);
      expect(fresh.generatedAt).toBe(clockNow.toISOString());
    } finally {
      clockNow = NOW;
      await database.db.delete(enrollments).where(eq(enrollments.personId, fx.people.plain!));
    }
  });

  it('answers with empty figures, not errors, for a range with no data', async () => {
    const h = await service.health(fx.program, { from: '2025-01-01', to: '2025-01-07' });
    expect(h.registrations.inRange.total).toBe(0);
    expect(h.timeToMatch).toEqual({ medianDays: null, mentees: 0 });
    expect(h.sessions.heldPerPair).toBeNull();
    expect(h.attendance.rate).toBeNull();
    expect(h.rating).toMatchObject({ average: null, count: 0, byMentors: null });
    expect(h.goals.completion).toBeNull();
    expect(h.series.sessionsPerWeek.map((w) => w.week)).toEqual(['2024-12-30', '2025-01-06']);
  });
});

/**
 * Health reads a session's program and attendance responses, and a rating's
 * session start and side, from columns the database keeps (migration
 * 0003_dashboard): they must follow the rows they are copied from.
 */
describe.each(testDatabaseTargets)('program health after sessions change, on $name', (target) => {
  let database: Database;
  let fx: HealthFixture;
  const fresh = () => createProgramHealthService({ health: programHealthRepository(database.db), store: createStore(database.db), clock: { now: () => NOW } });

  beforeAll(async () => {
    database = await target.open();
    fx = await seedHealthFixture(database);
  });
  afterAll(() => database.close());

  it('follows a session moved out of the range, with its ratings and calendar responses', async () => {
    await database.db
      .update(sessions)
      .set({ startsAt: new Date('2026-06-02T10:00:00Z'), endsAt: new Date('2026-06-02T11:00:00Z') })
      .where(eq(sessions.id, fx.sessions.s3!));
    const h = await fresh().health(fx.program, RANGE);
    // s3's two ratings (2 by the mentee, 3 by the mentor) and its two responses now count in June.
    expect(h.rating.count).toBe(4);
    expect(h.rating.byScore).toEqual({ '1': 1, '2': 0, '3': 0, '4': 2, '5': 1 });
    expect(h.rating.byMentors).toBe(4);
    expect(h.attendance.calendarResponses).toEqual({ organizer: 1, accepted: 1, declined: 1 });
    const june = await fresh().health(fx.program, { from: '2026-06-01', to: '2026-06-14' });
    expect(june.rating.count).toBe(2);
    expect(june.attendance.calendarResponses).toEqual({ organizer: 1, tentativelyAccepted: 1 });
  });

  it("splits today's sessions into due and not yet, and forgets a deleted session", async () => {
    const store = createStore(database.db);
    // NOW is 15 June, 12:00 UTC: one session this morning, one this afternoon.
    for (const [at, status] of [['2026-06-15T09:00:00Z', 'held'], ['2026-06-15T15:00:00Z', 'scheduled']] as const) {
      await store.sessions.create({ tenantId: fx.program.tenantId, relationshipId: fx.relationships.r2!, startsAt: new Date(at), endsAt: new Date(new Date(at).getTime() + 3600_000), status });
    }
    const today = await fresh().health(fx.program, { from: '2026-06-15', to: '2026-06-15' });
    expect(today.sessions).toMatchObject({ held: 1, scheduled: 1 });
    expect(today.attendance).toMatchObject({ held: 1, missed: 0, cancelled: 0, rate: 1 });

    const before = await fresh().health(fx.program, RANGE);
    await database.db.delete(sessions).where(eq(sessions.id, fx.sessions.s5!));
    const after = await fresh().health(fx.program, RANGE);
    expect(after.sessions.cancelled).toBe(before.sessions.cancelled - 1);
    expect(after.attendance.cancelled).toBe(before.attendance.cancelled - 1);
  });

  it('counts attendance responses the calendar reports later', async () => {
    const store = createStore(database.db);
    await store.sessions.recordAttendance(fx.program.tenantId, fx.sessions.s7!, { [fx.people.e3!]: 'accepted', [fx.people.m2!]: 'organizer' }, NOW, false);
    const h = await fresh().health(fx.program, RANGE);
    expect(h.attendance.calendarResponses).toEqual({ organizer: 2, accepted: 2, declined: 1 });
  });
});

/**
 * The nudge sweep on a real store with an injected clock: a pair past its
 * cadence with nothing booked, a mentor with no first contact a week after
 * the match, each person only inside their own working hours (Tokyo and New
 * York here), each occasion keyed once, and flags raised once for the admins.
 * The notifier is the port to Teams; here it records what it was asked.
 */
import { and, eq } from 'drizzle-orm';
import { createNudgeService, type NudgeNotice } from '../../src/services/nudges';
import type { Database } from '../../src/store/database';
import type { Relationship } from '../../src/store/repositories/relationships';
import { auditLog, relationships } from '../../src/store/schema';
import type { Store } from '../../src/store/store';
import { testDatabaseTargets } from '../support/databases';
import { seedMentee, seedRelationship, useStore } from '../store/fixtures';

const TENANT = 'tenant-a';

describe.each(testDatabaseTargets)('nudges, on $name', (target) => {
  let store: Store;
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRelationship>>;
  let fresh: Relationship;

  useStore(target, async (opened, db) => {
    store = opened;
    database = db;
    seed = await seedRelationship(store, TENANT);
    await database.db
      .update(relationships)
      .set({ startedAt: new Date('2026-01-01T09:00:00Z') })
      .where(eq(relationships.id, seed.relationship.id));
    // The mentee said Tokyo on the form; the mentor's Teams client is in New York.
    await store.enrollments.saveIfRevision(
      { tenantId: TENANT, programId: seed.program.id, personId: seed.mentee.id, role: 'mentee', answers: { timeZone: 'Asia/Tokyo' }, mentorCapacity: null },
      seed.menteeEnrollment.revision,
    );
    await store.people.upsertSeen({ tenantId: TENANT, teamsUserId: `29:mentor-${TENANT}`, timeZone: 'America/New_York' });
    await store.sessions.create({
      tenantId: TENANT,
      relationshipId: seed.relationship.id,
      startsAt: new Date('2026-02-01T10:00:00Z'),
      endsAt: new Date('2026-02-01T11:00:00Z'),
      status: 'held',
    });
    // A second pair, matched on 16 February, whose mentor (in UTC) never got in touch.
    const other = await seedMentee(store, seed, 'Nia New');
    fresh = await store.relationships.create({ tenantId: TENANT, programId: seed.program.id, mentorPersonId: seed.mentor.id, menteePersonId: other.person.id });
    await database.db.update(relationships).set({ startedAt: new Date('2026-02-16T09:00:00Z') }).where(eq(relationships.id, fresh.id));
  });

  const clock = { at: new Date(), now: () => new Date(clock.at) };
  const sent: { notice: NudgeNotice; key: string }[] = [];
  const service = () => createNudgeService({ store, clock, notifier: { nudge: async (notice, key) => void sent.push({ notice, key }) } });
  const sweepAt = async (iso: string) => {
    clock.at = new Date(iso);
    sent.length = 0;
    return service().sweep();
  };
  const sentFor = (relationshipId: string) => sent.filter((s) => s.notice.relationshipId === relationshipId);
  const flagKeys = async (relationshipId: string) => (await store.pairFlags.listForRelationship(TENANT, relationshipId)).map((f) => f.key);

  it('leaves a pair alone within its cadence, and a mentor within the first week', async () => {
    // Tuesday 10 February, 14:00 UTC: 9 days after the last session (cadence 30), 9:00 in New York.
    const report = await sweepAt('2026-02-10T14:00:00Z');
    expect(sent).toEqual([]);
    expect(report).toEqual({ offered: [], deferred: [], flagged: [] });
    // Wednesday 18 February: the second pair is 2 days old.
    await sweepAt('2026-02-18T14:00:00Z');
    expect(sent).toEqual([]);
  });

  it('nudges the mentor a week after the match with no first contact, and flags the pair once', async () => {
    // Monday 23 February, 10:00 UTC: 7 days and an hour after the match; the mentor's answers give no zone, Teams gave New York.
    const early = await sweepAt('2026-02-23T10:00:00Z');
    expect(sentFor(fresh.id)).toEqual([]);
    const key = `nudge:no-first-contact:${fresh.id}:match:${seed.mentor.id}`;
    expect(early.deferred).toContain(key);
    expect(await flagKeys(fresh.id)).toEqual([`no-first-contact:${fresh.id}`]);

    // 15:00 UTC is 10:00 in New York.
    const report = await sweepAt('2026-02-23T15:00:00Z');
    expect(sentFor(fresh.id).map((s) => s.key)).toEqual([key]);
    expect(sentFor(fresh.id)[0]!.notice).toMatchObject({ kind: 'no-first-contact', myRole: 'mentor', partnerName: 'Nia New', timeZone: 'America/New_York' });
    expect(report.flagged).toEqual([]);
    expect(await flagKeys(fresh.id)).toEqual([`no-first-contact:${fresh.id}`]);
  });

  it('no longer nudges for first contact once the mentor has made it', async () => {
    await database.db
      .update(relationships)
      .set({ mentorFirstContactAt: new Date('2026-02-24T08:00:00Z') })
      .where(eq(relationships.id, fresh.id));
    await sweepAt('2026-02-24T15:00:00Z');
    expect(sentFor(fresh.id)).toEqual([]);
  });

  it('nudges both people past the cadence, each only inside their own working hours, with the same key each time', async () => {
    // Tuesday 3 March, 14:00 UTC, 30 days after the last session: 23:00 in Tokyo (after hours), 9:00 in New York.
    const first = await sweepAt('2026-03-03T14:00:00Z');
    const [lastSession] = await store.sessions.listForRelationship(TENANT, seed.relationship.id);
    const menteeKey = `nudge:no-session:${seed.relationship.id}:${lastSession!.id}:${seed.mentee.id}`;
    const mentorKey = `nudge:no-session:${seed.relationship.id}:${lastSession!.id}:${seed.mentor.id}`;
    expect(sentFor(seed.relationship.id).map((s) => s.key)).toEqual([mentorKey]);
    expect(sentFor(seed.relationship.id)[0]!.notice).toMatchObject({
      kind: 'no-session',
      myRole: 'mentor',
      partnerName: 'Max Mentee',
      cadenceDays: 30,
      lastSessionAt: new Date('2026-02-01T10:00:00Z'),
    });
    expect(first.deferred).toContain(menteeKey);
    expect(first.flagged).toEqual([`no-session:${seed.relationship.id}:${lastSession!.id}`]);

    // Wednesday 4 March, 01:00 UTC: 10:00 in Tokyo, 20:00 the evening before in New York.
    const second = await sweepAt('2026-03-04T01:00:00Z');
    expect(sentFor(seed.relationship.id).map((s) => s.key)).toEqual([menteeKey]);
    expect(sentFor(seed.relationship.id)[0]!.notice).toMatchObject({ myRole: 'mentee', partnerName: 'Mia Mentor', timeZone: 'Asia/Tokyo' });
    expect(second.deferred).toContain(mentorKey);
    expect(second.flagged).toEqual([]);

    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'pair.flagged'), eq(auditLog.targetId, seed.relationship.id)));
    expect(audits.map((a) => a.details.reason)).toEqual(['no-session']);
    expect(audits[0]!.actorPersonId).toBeNull();
  });

  it('does not nudge anyone at the weekend', async () => {
    // Saturday 7 March, 12:00 UTC.
    const report = await sweepAt('2026-03-07T12:00:00Z');
    expect(sent).toEqual([]);
    expect(report.deferred.length).toBeGreaterThan(0);
  });

  it('stops once a session is booked ahead, and starts a new occasion after the next one', async () => {
    const next = await store.sessions.create({
      tenantId: TENANT,
      relationshipId: seed.relationship.id,
      startsAt: new Date('2026-03-10T15:00:00Z'),
      endsAt: new Date('2026-03-10T16:00:00Z'),
      status: 'scheduled',
    });
    await sweepAt('2026-03-09T15:00:00Z');
    expect(sentFor(seed.relationship.id)).toEqual([]);

    // A cadence after that session, with nothing booked: a new occasion, a new key and a new flag.
    await sweepAt('2026-04-09T15:00:00Z');
    expect(sentFor(seed.relationship.id).map((s) => s.key)).toEqual([
      `nudge:no-session:${seed.relationship.id}:${next.id}:${seed.mentor.id}`,
    ]);
    expect(await flagKeys(seed.relationship.id)).toContain(`no-session:${seed.relationship.id}:${next.id}`);
  });

  it('leaves ended pairs alone', async () => {
    await store.relationships.end(TENANT, seed.relationship.id, 'ended', null);
    await store.relationships.end(TENANT, fresh.id, 'ended', null);
    const report = await sweepAt('2026-06-02T15:00:00Z');
    expect(report).toEqual({ offered: [], deferred: [], flagged: [] });
  });
});

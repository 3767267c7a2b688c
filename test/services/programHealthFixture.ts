/**
 * A small program whose health figures are worked out by hand in
 * programHealth.test.ts, plus look-alike rows in another program of the same
 * tenant and in another tenant that must never count. Rows are inserted with
 * explicit times, so every figure is exact against the fixed clock NOW.
 */
import type { Database } from '../../src/store/database';
import { defaultProgram } from '../../src/domain/defaultProgram';
import type { Answers } from '../../src/domain/answers';
import type { AttendeeResponse } from '../../src/domain/sessions';
import {
  enrollments,
  goals,
  matchProposals,
  pairFlags,
  programAdmins,
  ratings,
  relationships,
  sessions,
} from '../../src/store/schema';
import { createStore } from '../../src/store/store';
import type { Program } from '../../src/store/repositories/programs';

export const NOW = new Date('2026-06-15T12:00:00Z');
export const RANGE = { from: '2026-05-01', to: '2026-05-31' };
export const TENANT = 'aaaaaaaa-0000-4000-8000-00000000c0de';
export const OTHER_TENANT = 'bbbbbbbb-0000-4000-8000-00000000c0de';

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

export interface HealthFixture {
  program: Program;
  otherProgram: Program;
  foreignProgram: Program;
  people: Record<string, string>;
  relationships: Record<string, string>;
  sessions: Record<string, string>;
  flags: Record<string, string>;
}

export async function seedHealthFixture(database: Database): Promise<HealthFixture> {
  const db = database.db;
  const store = createStore(db);
  const people: Record<string, string> = {};
  const person = async (tenantId: string, key: string, name: string) => {
    const p = await store.people.upsertSeen({ tenantId, teamsUserId: `29:${key}`, name, email: `${key}@example.com` });
    people[key] = p.id;
    return p.id;
  };
  await store.tenants.ensure(TENANT);
  await store.tenants.ensure(OTHER_TENANT);
  const program = await store.programs.ensure(TENANT, defaultProgram);
  const otherProgram = await store.programs.ensure(TENANT, { ...defaultProgram, slug: 'cohort', name: 'Cohort', shape: 'cohort' });
  const foreignProgram = await store.programs.ensure(OTHER_TENANT, defaultProgram);

  for (const [key, name] of [
    ['m1', 'Mia Mentor'],
    ['m2', 'Max Mentor'],
    ['m3', 'Mo Mentor'],
    ['e1', 'Ann Mentee'],
    ['e2', 'Bo Mentee'],
    ['e3', 'Cy Mentee'],
    ['e4', 'Di Mentee'],
    ['e5', 'Ed Mentee'],
    ['b1', 'Flo Both'],
    ['admin', 'Ada Admin'],
    ['progadmin', 'Pat ProgramAdmin'],
    ['plain', 'Nick Nobody'],
  ] as const) {
    await person(TENANT, key, name);
  }
  await person(OTHER_TENANT, 'x1', 'Xena Foreign');
  await person(OTHER_TENANT, 'x2', 'Xavi Foreign');
  await person(OTHER_TENANT, 'xadmin', 'Xander Admin');
  await db.insert(programAdmins).values({ tenantId: TENANT, programId: program.id, personId: people.progadmin! });

  const answers: Answers = {
    department: 'engineering',
    languages: ['english', 'german'],
    goals: '=cmd|" /C calc"!A0, and "quotes"\nnew line',
    background: ['lgbtq'],
  };
  const enroll = (
    tenantId: string,
    programId: string,
    key: string,
    role: 'mentor' | 'mentee' | 'both',
    created: string,
    extra: { mentorCapacity?: number | null; status?: 'active' | 'withdrawn'; withdrawnAt?: Date } = {},
  ) =>
    db.insert(enrollments).values({
      tenantId,
      programId,
      personId: people[key]!,
      role,
      answers,
      mentorCapacity: extra.mentorCapacity ?? null,
      status: extra.status ?? 'active',
      withdrawnAt: extra.withdrawnAt ?? null,
      createdAt: at(created),
    });
  await enroll(TENANT, program.id, 'm1', 'mentor', '2026-04-10', { mentorCapacity: 2 });
  await enroll(TENANT, program.id, 'm2', 'mentor', '2026-05-03');
  await enroll(TENANT, program.id, 'm3', 'mentor', '2026-05-20', { mentorCapacity: 1 });
  await enroll(TENANT, program.id, 'e1', 'mentee', '2026-04-01');
  await enroll(TENANT, program.id, 'e2', 'mentee', '2026-05-02');
  await enroll(TENANT, program.id, 'e3', 'mentee', '2026-05-10');
  await enroll(TENANT, program.id, 'e4', 'mentee', '2026-05-15', { status: 'withdrawn', withdrawnAt: at('2026-05-25') });
  await enroll(TENANT, program.id, 'e5', 'mentee', '2026-06-05');
  await enroll(TENANT, program.id, 'b1', 'both', '2026-05-05', { mentorCapacity: 1 });
  // Look-alikes that must not count: the same people in another program, and another tenant.
  await enroll(TENANT, otherProgram.id, 'm1', 'mentor', '2026-05-04', { mentorCapacity: 3 });
  await enroll(TENANT, otherProgram.id, 'e5', 'mentee', '2026-05-04');
  await enroll(OTHER_TENANT, foreignProgram.id, 'x1', 'mentor', '2026-05-04');
  await enroll(OTHER_TENANT, foreignProgram.id, 'x2', 'mentee', '2026-05-04');

  const rel: Record<string, string> = {};
  const relate = async (
    key: string,
    tenantId: string,
    programId: string,
    mentor: string,
    mentee: string,
    started: string,
    extra: { status?: 'active' | 'paused' | 'ended'; endedAt?: string; firstContact?: string } = {},
  ) => {
    const [row] = await db
      .insert(relationships)
      .values({
        tenantId,
        programId,
        mentorPersonId: people[mentor]!,
        menteePersonId: people[mentee]!,
        stage: 'progression',
        status: extra.status ?? 'active',
        startedAt: at(started),
        endedAt: extra.endedAt ? at(extra.endedAt) : null,
        mentorFirstContactAt: extra.firstContact ? at(extra.firstContact) : null,
      })
      .returning();
    rel[key] = row!.id;
  };
  await relate('r1', TENANT, program.id, 'm1', 'e1', '2026-04-20', { firstContact: '2026-04-21' });
  await relate('r2', TENANT, program.id, 'm1', 'e2', '2026-05-12');
  await relate('r3', TENANT, program.id, 'm2', 'e3', '2026-05-24', { status: 'paused', firstContact: '2026-05-25' });
  await relate('r4', TENANT, program.id, 'm3', 'b1', '2026-03-01', { status: 'ended', endedAt: '2026-05-10', firstContact: '2026-03-02' });
  await relate('q1', TENANT, otherProgram.id, 'm1', 'e5', '2026-05-06');
  await relate('x1', OTHER_TENANT, foreignProgram.id, 'x1', 'x2', '2026-05-06');

  const ses: Record<string, string> = {};
  const session = async (
    key: string,
    tenantId: string,
    relationship: string,
    starts: string,
    status: 'proposed' | 'scheduled' | 'held' | 'cancelled' | 'missed',
    attendance: Record<string, AttendeeResponse> = {},
  ) => {
    const startsAt = at(starts);
    const [row] = await db
      .insert(sessions)
      .values({
        tenantId,
        relationshipId: rel[relationship]!,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000),
        status,
        attendance,
        cancelledAt: status === 'cancelled' ? new Date(startsAt.getTime() - 24 * 60 * 60 * 1000) : null,
      })
      .returning();
    ses[key] = row!.id;
  };
  await session('s1', TENANT, 'r1', '2026-04-25T10:00:00Z', 'held');
  await session('s2', TENANT, 'r1', '2026-05-05T10:00:00Z', 'held', { [people.m1!]: 'organizer', [people.e1!]: 'accepted' });
  await session('s3', TENANT, 'r1', '2026-05-19T10:00:00Z', 'held', { [people.m1!]: 'organizer', [people.e1!]: 'tentativelyAccepted' });
  await session('s4', TENANT, 'r1', '2026-05-26T10:00:00Z', 'missed', { [people.e1!]: 'declined' });
  await session('s5', TENANT, 'r4', '2026-05-03T10:00:00Z', 'cancelled');
  await session('s6', TENANT, 'r1', '2026-06-20T10:00:00Z', 'scheduled');
  await session('s7', TENANT, 'r3', '2026-05-28T10:00:00Z', 'held');
  await session('s8', TENANT, 'r3', '2026-05-30T10:00:00Z', 'proposed');
  await session('q1', TENANT, 'q1', '2026-05-12T10:00:00Z', 'held', { [people.m1!]: 'declined' });
  await session('x1', OTHER_TENANT, 'x1', '2026-05-12T10:00:00Z', 'held', { [people.x1!]: 'accepted' });

  const rate = (tenantId: string, s: string, rater: string, score: number, extra: { tookPlace?: boolean; comment?: string; share?: boolean } = {}) =>
    db.insert(ratings).values({
      tenantId,
      sessionId: ses[s]!,
      raterPersonId: people[rater]!,
      score,
      tookPlace: extra.tookPlace ?? true,
      mostUseful: extra.comment ?? null,
      shareWithPartner: extra.share ?? false,
    });
  await rate(TENANT, 's1', 'e1', 5);
  await rate(TENANT, 's2', 'e1', 5, { comment: 'Clear next steps, thank you', share: true });
  await rate(TENANT, 's2', 'm1', 4, { comment: '@mentee was well prepared' });
  await rate(TENANT, 's3', 'e1', 2, { comment: 'Felt rushed, "not useful"' });
  await rate(TENANT, 's3', 'm1', 3);
  await rate(TENANT, 's4', 'e1', 1, { tookPlace: false });
  await rate(TENANT, 's7', 'e3', 4);
  await rate(TENANT, 'q1', 'e5', 1, { comment: 'other program' });
  await rate(OTHER_TENANT, 'x1', 'x2', 1, { comment: 'other tenant' });

  const goal = (tenantId: string, relationship: string, owner: string, status: 'not-started' | 'in-progress' | 'done' | 'dropped') =>
    db.insert(goals).values({ tenantId, relationshipId: rel[relationship]!, ownerPersonId: people[owner]!, title: 'Goal', measure: 'Measure', status });
  await goal(TENANT, 'r1', 'e1', 'done');
  await goal(TENANT, 'r1', 'e1', 'in-progress');
  await goal(TENANT, 'r2', 'e2', 'not-started');
  await goal(TENANT, 'r4', 'b1', 'dropped');
  await goal(TENANT, 'r4', 'b1', 'done');
  await goal(TENANT, 'q1', 'e5', 'done');
  await goal(OTHER_TENANT, 'x1', 'x2', 'done');

  const enrollmentOf = async (key: string) =>
    (await store.enrollments.find(TENANT, program.id, people[key]!))!.id;
  const proposal = async (mentee: string, mentor: string, status: 'proposed' | 'accepted' | 'declined' | 'expired', respondedAt: string | null, expiresAt: string) =>
    db.insert(matchProposals).values({
      tenantId: TENANT,
      programId: program.id,
      menteeEnrollmentId: await enrollmentOf(mentee),
      mentorEnrollmentId: await enrollmentOf(mentor),
      score: 50,
      reasons: { forMentee: [], forMentor: [] } as never,
      status,
      proposedAt: at('2026-05-01'),
      expiresAt: at(expiresAt),
      respondedAt: respondedAt ? at(respondedAt) : null,
    });
  await proposal('e5', 'm2', 'proposed', null, '2026-06-17');
  await proposal('e2', 'm3', 'declined', '2026-05-08', '2026-05-10');
  await proposal('e2', 'm1', 'accepted', '2026-05-12', '2026-05-14');
  await proposal('e3', 'm3', 'expired', null, '2026-05-30');
  await proposal('e1', 'm2', 'expired', null, '2026-04-03');

  const flagIds: Record<string, string> = {};
  const flag = async (
    key: string,
    tenantId: string,
    relationship: string,
    reason: 'low-rating' | 'did-not-meet' | 'no-session' | 'no-first-contact',
    raised: string,
    resolved?: string,
  ) => {
    const [row] = await db
      .insert(pairFlags)
      .values({
        tenantId,
        relationshipId: rel[relationship]!,
        reason,
        key: `${reason}:${key}`,
        raisedAt: at(raised),
        resolvedAt: resolved ? at(resolved) : null,
      })
      .returning();
    flagIds[key] = row!.id;
  };
  await flag('r1-low', TENANT, 'r1', 'low-rating', '2026-05-27');
  // Already looked at: the computed "no session" of r2 is not raised again.
  await flag('r2-quiet', TENANT, 'r2', 'no-session', '2026-06-12', '2026-06-13');
  // r4 has ended: its open flag is no longer a pair at risk.
  await flag('r4-met', TENANT, 'r4', 'did-not-meet', '2026-05-04');
  await flag('q1-low', TENANT, 'q1', 'low-rating', '2026-05-13');
  await flag('x1-low', OTHER_TENANT, 'x1', 'low-rating', '2026-05-13');

  return { program, otherProgram, foreignProgram, people, relationships: rel, sessions: ses, flags: flagIds };
}

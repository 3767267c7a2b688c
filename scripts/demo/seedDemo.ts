/**
 * The demo tenant: the Playground's tenant filled with four programs (the
 * default evergreen one-to-one program, a leadership cohort, reverse
 * mentoring and a peer cohort), about three hundred people with
 * questionnaire answers, months of sessions with calendar responses, ratings,
 * goals with milestones, agendas, proposals and some pairs at risk.
 *
 * Deterministic: the same seed and day give the same rows, ids included.
 * Written in one transaction, so a failed run leaves nothing half done.
 * The Playground's own people take part, so a newcomer sees something as
 * any of them: Alex (user-id-0) administers every program, is a mentee in
 * the cohort (mentor: Megan) and mentors Adele in the default program.
 */
import { and, eq } from 'drizzle-orm';
import { seededRandom } from '../../bench/seededRandom';
import type { Answers } from '../../src/domain/answers';
import { defaultProgram } from '../../src/domain/defaultProgram';
import type { ProgramSettings } from '../../src/domain/program';
import { questionsFor, type Question } from '../../src/domain/questionnaire';
import type { AttendeeResponse } from '../../src/domain/sessions';
import type { Db } from '../../src/store/database';
import {
  agendaItems,
  enrollments,
  goals,
  matchProposals,
  milestones,
  pairFlags,
  people,
  programs,
  ratings,
  relationships,
  sessions,
} from '../../src/store/schema';
import { createStore } from '../../src/store/store';
import type { Program } from '../../src/store/repositories/programs';
import * as words from './words';

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_SEED = 20260301;
export const DEMO_PEOPLE = 300;

/** The Playground's people (its built-in configuration), who take part in the demo. */
export const playgroundPeople = [
  ['user-id-0', 'Alex Wilber', 'alexw'],
  ['user-id-1', 'Megan Bowen', 'meganb'],
  ['user-id-2', 'Adele Vance', 'adelev'],
  ['user-id-3', 'Isaiah Langer', 'isaiahl'],
  ['user-id-4', 'Patti Fernandez', 'pattif'],
  ['user-id-5', 'Lynne Robbins', 'lynner'],
].map(([teamsUserId, name, alias], i) => ({
  teamsUserId: teamsUserId!,
  name: name!,
  email: `${alias}@example.com`,
  aadObjectId: `00000000-0000-0000-0000-00000000002${i}`,
}));

interface DemoProgramPlan {
  settings: ProgramSettings;
  size: number;
  /** Share of mentors among participants (the rest are mentees), or 'peers' (everyone both). */
  mentors: number | 'peers';
}

export function demoPrograms(today: Date): DemoProgramPlan[] {
  const day = (offset: number) => new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);
  const base = { ...defaultProgram, reminderOffsetsMinutes: [...defaultProgram.reminderOffsetsMinutes] };
  return [
    { settings: base, size: 150, mentors: 0.4 },
    {
      settings: {
        ...base,
        slug: 'leadership-cohort',
        name: 'Leadership Cohort 2026',
        description: 'Nine months for new and aspiring leaders, each with a senior leader as mentor. Matched by Tandem at the start.',
        shape: 'cohort',
        startsOn: day(-150),
        endsOn: day(120),
        matchingMode: 'algorithm',
      },
      size: 90,
      mentors: 0.4,
    },
    {
      settings: {
        ...base,
        slug: 'reverse-mentoring',
        name: 'Reverse Mentoring: AI at Work',
        description: 'Early-career colleagues show senior leaders how they use AI tools day to day. Paired by the program team.',
        type: 'reverse',
        matchingMode: 'admin',
        cadenceDays: 21,
        sessionMinutes: 45,
      },
      size: 40,
      mentors: 0.5,
    },
    {
      settings: {
        ...base,
        slug: 'new-manager-peers',
        name: 'Peer Circles: New Managers',
        description: 'New managers meet a peer every two weeks to trade what works.',
        type: 'peer',
        shape: 'cohort',
        startsOn: day(-90),
        endsOn: day(90),
        matchingMode: 'mentee-choice',
        cadenceDays: 14,
        sessionMinutes: 45,
        mentorCapacityDefault: 1,
      },
      size: 36,
      mentors: 'peers',
    },
  ];
}

/** The slug that says the demo has been loaded. */
export const DEMO_MARKER_SLUG = 'leadership-cohort';

export interface DemoSummary {
  programs: { name: string; participants: number; pairs: number; sessions: number }[];
  people: number;
  sessions: number;
  ratings: number;
  goals: number;
  openFlags: number;
}

type Role = 'mentor' | 'mentee' | 'both';
type SessionStatus = 'proposed' | 'scheduled' | 'held' | 'cancelled' | 'missed';

interface Participant {
  personId: string;
  enrollmentId: string;
  role: Role;
  capacity: number;
  createdAt: Date;
  timeZone: string;
}

/** Whether the demo is already in this tenant's database. */
export async function demoLoaded(db: Db, tenantId: string): Promise<boolean> {
  const rows = await db
    .select({ id: programs.id })
    .from(programs)
    .where(and(eq(programs.tenantId, tenantId), eq(programs.slug, DEMO_MARKER_SLUG)));
  return rows.length > 0;
}

export async function seedDemo(db: Db, tenantId: string, options: { now: Date; seed?: number }): Promise<DemoSummary> {
  return db.transaction(async (tx) => seed(tx as unknown as Db, tenantId, options.now, options.seed ?? DEMO_SEED));
}

async function seed(db: Db, tenantId: string, now: Date, seedValue: number): Promise<DemoSummary> {
  const store = createStore(db);
  const random = seededRandom(seedValue);
  const ids = seededRandom(seedValue ^ 0x5eed);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const chance = (p: number) => random() < p;
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(ids() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(ids() * 4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  };

  await store.tenants.ensure(tenantId);

  // ---- people: the Playground's six, and the demo pool
  const playground = new Map<string, string>();
  for (const p of playgroundPeople) {
    const row = await store.people.upsertSeen({ tenantId, ...p, timeZone: 'Europe/Berlin', locale: 'en-GB' });
    playground.set(p.teamsUserId, row.id);
  }
  const pool = Array.from({ length: DEMO_PEOPLE }, (_, i) => {
    const first = pick(words.firstNames);
    const last = pick(words.lastNames);
    return {
      id: uuid(),
      tenantId,
      teamsUserId: `demo-user-${String(i + 1).padStart(3, '0')}`,
      aadObjectId: uuid(),
      name: `${first} ${last}`,
      email: `${first}.${last}.${i + 1}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
      timeZone: pick(words.timeZones),
      locale: 'en-GB',
    };
  });
  await insertAll(db, people, pool);
  const alex = playground.get('user-id-0')!;
  const megan = playground.get('user-id-1')!;
  const adele = playground.get('user-id-2')!;

  const summary: DemoSummary = { programs: [], people: pool.length + playground.size, sessions: 0, ratings: 0, goals: 0, openFlags: 0 };
  const plans = demoPrograms(today);
  for (const plan of plans) {
    const program = await store.programs.ensure(tenantId, plan.settings);
    await store.programs.addAdmin(tenantId, program.id, alex);
    if (plan.settings.slug === DEMO_MARKER_SLUG) await store.programs.addAdmin(tenantId, program.id, megan);
    summary.programs.push(await seedProgram(program, plan));
  }
  summary.openFlags = (await db.select({ id: pairFlags.id }).from(pairFlags).where(eq(pairFlags.tenantId, tenantId))).length;
  return summary;

  async function seedProgram(program: Program, plan: DemoProgramPlan) {
    const questionnaire = program.questionnaire;
    const isCohort = program.shape === 'cohort' && program.startsOn !== null;
    const opensAt = isCohort ? new Date(`${program.startsOn}T00:00:00Z`).getTime() : today.getTime() - 240 * DAY;

    // Playground people already registered here by hand keep their own rows.
    const taken = new Set(
      (
        await db
          .select({ personId: enrollments.personId })
          .from(enrollments)
          .where(and(eq(enrollments.tenantId, tenantId), eq(enrollments.programId, program.id)))
      ).map((r) => r.personId),
    );
    const members = sample(pool, plan.size).filter((p) => !taken.has(p.id));
    const participants: Participant[] = [];
    const rows: (typeof enrollments.$inferInsert)[] = [];
    const enroll = (personId: string, role: Role, createdAt: Date, timeZone: string) => {
      if (taken.has(personId)) return undefined;
      taken.add(personId);
      const answers = answersFor(questionnaire.questions, role, timeZone);
      const capacity = role === 'mentee' ? 0 : Number(answers.mentorCapacity ?? program.mentorCapacityDefault);
      const withdrawn = chance(0.04);
      const participant: Participant = { personId, enrollmentId: uuid(), role, capacity, createdAt, timeZone };
      rows.push({
        id: participant.enrollmentId,
        tenantId,
        programId: program.id,
        personId,
        role,
        answers,
        mentorCapacity: role === 'mentee' ? null : capacity,
        status: withdrawn ? 'withdrawn' : 'active',
        withdrawnAt: withdrawn ? new Date(Math.min(today.getTime() - DAY, createdAt.getTime() + 20 * DAY)) : null,
        createdAt,
        updatedAt: createdAt,
      });
      if (!withdrawn) participants.push(participant);
      return participant;
    };

    // The Playground's people first, in fixed roles, so both tabs show something for Alex.
    const fixedPairs: [Participant, Participant][] = [];
    const earlyJoin = new Date(opensAt - 20 * DAY);
    if (program.slug === DEMO_MARKER_SLUG) {
      const m = enroll(megan, 'mentor', earlyJoin, 'Europe/Berlin');
      const e = enroll(alex, 'mentee', earlyJoin, 'Europe/Berlin');
      if (m && e) fixedPairs.push([m, e]);
    } else if (program.slug === defaultProgram.slug) {
      const m = enroll(alex, 'mentor', new Date(today.getTime() - 130 * DAY), 'Europe/Berlin');
      const e = enroll(adele, 'mentee', new Date(today.getTime() - 125 * DAY), 'Europe/Berlin');
      if (m && e) fixedPairs.push([m, e]);
      for (const key of ['user-id-3', 'user-id-4', 'user-id-5']) {
        enroll(playground.get(key)!, key === 'user-id-4' ? 'mentor' : 'mentee', new Date(today.getTime() - int(20, 200) * DAY), 'Europe/Berlin');
      }
    }
    for (const person of members) {
      const role: Role = plan.mentors === 'peers' ? 'both' : chance(plan.mentors) ? (chance(0.1) ? 'both' : 'mentor') : 'mentee';
      const createdAt = isCohort
        ? new Date(opensAt - int(0, 30) * DAY - int(0, 20) * 3600_000 + (chance(0.1) ? int(5, 40) * DAY : 0))
        : new Date(opensAt + Math.floor(random() * (today.getTime() - 2 * DAY - opensAt)));
      enroll(person.id, role, new Date(Math.min(createdAt.getTime(), today.getTime() - DAY)), person.timeZone);
    }
    await insertAll(db, enrollments, rows);

    // ---- matching: earliest registrations first, mentors with room, never oneself
    const load = new Map<string, number>();
    const mentors = participants.filter((p) => p.role !== 'mentee');
    const pairs: [Participant, Participant][] = [...fixedPairs];
    for (const [m] of fixedPairs) load.set(m.personId, (load.get(m.personId) ?? 0) + 1);
    const fixedPeople = new Set(fixedPairs.flat().map((p) => p.personId));
    const waiting: Participant[] = [];
    for (const mentee of participants.filter((p) => p.role !== 'mentor' && !fixedPeople.has(p.personId)).sort((a, b) => +a.createdAt - +b.createdAt)) {
      const mentor = sample(
        mentors.filter((m) => m.personId !== mentee.personId && (load.get(m.personId) ?? 0) < m.capacity),
        1,
      )[0];
      if (!mentor || chance(0.15)) {
        waiting.push(mentee);
        continue;
      }
      load.set(mentor.personId, (load.get(mentor.personId) ?? 0) + 1);
      pairs.push([mentor, mentee]);
    }

    let sessionCount = 0;
    const relationshipRows: (typeof relationships.$inferInsert)[] = [];
    const sessionRows: (typeof sessions.$inferInsert)[] = [];
    const agendaRows: (typeof agendaItems.$inferInsert)[] = [];
    const ratingRows: (typeof ratings.$inferInsert)[] = [];
    const goalRows: (typeof goals.$inferInsert)[] = [];
    const milestoneRows: (typeof milestones.$inferInsert)[] = [];
    const flagRows: (typeof pairFlags.$inferInsert)[] = [];
    const acceptedRows: (typeof matchProposals.$inferInsert)[] = [];
    const minutes = program.sessionMinutes * 60_000;

    for (const [mentor, mentee] of pairs) {
      const fixed = fixedPeople.has(mentee.personId);
      const registered = Math.max(+mentor.createdAt, +mentee.createdAt);
      let startedAt = isCohort
        ? Math.max(opensAt + int(0, 7) * DAY, registered + DAY)
        : registered + int(2, 21) * DAY + int(0, 8) * 3600_000;
      // Fates: most pairs are fine; some go quiet, a few never start, some rate poorly, some end.
      const fate = fixed
        ? 'fine'
        : pick(['fine', 'fine', 'fine', 'fine', 'fine', 'fine', 'fine', 'fine', 'quiet', 'quiet', 'no-contact', 'low', 'ended', 'paused'] as const);
      if (fate === 'no-contact') startedAt = today.getTime() - int(9, 25) * DAY;
      if (startedAt > today.getTime() - DAY) startedAt = today.getTime() - int(1, 5) * DAY;
      const relationshipId = uuid();
      const proposalId = uuid();
      acceptedRows.push({
        id: proposalId,
        tenantId,
        programId: program.id,
        menteeEnrollmentId: mentee.enrollmentId,
        mentorEnrollmentId: mentor.enrollmentId,
        score: Math.round(between(60, 95) * 10) / 10,
        reasons: { forMentee: ['offers 2 of the 3 skills you want', 'different department'], forMentor: ['wants 2 of the skills you offer'] },
        source: program.matchingMode,
        status: 'accepted',
        proposedAt: new Date(startedAt - int(3, 60) * 3600_000),
        expiresAt: new Date(startedAt + program.proposalExpiryDays * DAY),
        respondedAt: new Date(startedAt),
        createdAt: new Date(startedAt - int(3, 60) * 3600_000),
      });
      const ageDays = (today.getTime() - startedAt) / DAY;
      const endedAt = fate === 'ended' && ageDays > 40 ? startedAt + int(30, Math.floor(ageDays) - 5) * DAY : null;
      const finished = !isCohort && fate === 'fine' && ageDays > 200 && chance(0.5);
      const status = endedAt ? 'ended' : finished ? 'finished' : fate === 'paused' ? 'paused' : 'active';
      const stopAt = endedAt ?? (finished ? today.getTime() - int(5, 30) * DAY : fate === 'quiet' ? today.getTime() - int(35, 80) * DAY : today.getTime());
      relationshipRows.push({
        id: relationshipId,
        tenantId,
        programId: program.id,
        mentorPersonId: mentor.personId,
        menteePersonId: mentee.personId,
        proposalId,
        stage: ageDays < 30 ? 'rapport-building' : ageDays < 75 ? 'setting-direction' : ageDays < 180 ? 'progression' : 'winding-down',
        status,
        startedAt: new Date(startedAt),
        endedAt: endedAt ? new Date(endedAt) : finished ? new Date(stopAt) : null,
        endReason: endedAt ? pick(words.endReasons) : finished ? 'Goals met' : null,
        mentorFirstContactAt: fate === 'no-contact' ? null : new Date(startedAt + int(2, 60) * 3600_000),
        createdAt: new Date(startedAt),
      });

      // ---- sessions on the cadence, on working days, from a week after the start
      const sessionIds: { id: string; startsAt: number; status: SessionStatus }[] = [];
      if (fate !== 'no-contact') {
        let t = startedAt + int(4, 10) * DAY;
        while (t < stopAt) {
          const startsAt = workingSlot(t);
          if (startsAt >= stopAt) break;
          const roll = random();
          const s: SessionStatus = roll < 0.82 ? 'held' : roll < 0.92 ? 'cancelled' : 'missed';
          sessionIds.push({ id: uuid(), startsAt, status: s });
          t += (program.cadenceDays + int(-5, 6)) * DAY;
        }
        const upcoming = status === 'active' && fate !== 'quiet';
        if (upcoming) {
          const next = workingSlot(Math.max(today.getTime() + int(1, program.cadenceDays - 2) * DAY, now.getTime() + DAY));
          sessionIds.push({ id: uuid(), startsAt: next, status: chance(0.85) ? 'scheduled' : 'proposed' });
        }
      }
      const lowFrom = sessionIds.length - 3;
      sessionIds.forEach((s, index) => {
        const withCalendar = s.status !== 'proposed' && chance(0.7);
        const attendance: Record<string, AttendeeResponse> = {};
        if (withCalendar && s.status !== 'cancelled') {
          attendance[mentor.personId] = 'organizer';
          attendance[mentee.personId] =
            s.status === 'missed' ? pick(['declined', 'notResponded'] as const) : s.status === 'held' ? (chance(0.9) ? 'accepted' : 'tentativelyAccepted') : pick(['accepted', 'notResponded'] as const);
        }
        sessionRows.push({
          id: s.id,
          tenantId,
          relationshipId,
          startsAt: new Date(s.startsAt),
          endsAt: new Date(s.startsAt + minutes),
          status: s.status,
          organizerPersonId: s.status === 'proposed' ? null : mentor.personId,
          calendarEventId: withCalendar ? `demo-event-${s.id}` : null,
          joinUrl: withCalendar ? `https://teams.microsoft.com/l/meetup-join/demo-${s.id.slice(0, 8)}` : null,
          proposedByPersonId: s.status === 'proposed' ? mentee.personId : null,
          attendance,
          attendanceCheckedAt: withCalendar && s.startsAt < now.getTime() ? new Date(s.startsAt + minutes + 3600_000) : null,
          cancelledAt: s.status === 'cancelled' ? new Date(s.startsAt - int(1, 3) * DAY) : null,
          createdAt: new Date(s.startsAt - int(5, 12) * DAY),
        });
        const future = s.startsAt > now.getTime();
        const last = index === sessionIds.length - 1 || (index === sessionIds.length - 2 && sessionIds.at(-1)!.startsAt > now.getTime());
        if (future || (last && s.status === 'held')) {
          sample(words.agendaTexts, int(2, 3)).forEach((text, position) =>
            agendaRows.push({ tenantId, sessionId: s.id, authorPersonId: chance(0.6) ? mentee.personId : mentor.personId, text, position: position + 1, done: !future }),
          );
        }
        // ---- ratings after held (and some missed) sessions
        if (future) return;
        const ratedAt = new Date(s.startsAt + minutes + int(1, 40) * 3600_000);
        if (ratedAt.getTime() > now.getTime()) return;
        if (s.status === 'held') {
          for (const [rater, p] of [
            [mentee.personId, 0.85],
            [mentor.personId, 0.7],
          ] as const) {
            if (!chance(p)) continue;
            const low = fate === 'low' && index >= lowFrom && rater === mentee.personId;
            const score = low ? int(1, 2) : chance(0.02) ? 2 : pick([3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5]);
            ratingRows.push({
              tenantId,
              sessionId: s.id,
              raterPersonId: rater,
              score,
              tookPlace: true,
              mostUseful: chance(0.45) ? (low ? 'Felt rushed; we ran out of time' : pick(words.ratingComments)) : null,
              shareWithPartner: chance(0.5),
              createdAt: ratedAt,
              updatedAt: ratedAt,
            });
            if (score <= 2) {
              const open = now.getTime() - ratedAt.getTime() < 21 * DAY;
              flagRows.push({
                tenantId,
                relationshipId,
                reason: 'low-rating',
                key: `low-rating:${s.id}:${rater}`,
                sessionId: s.id,
                raisedByPersonId: rater,
                raisedAt: ratedAt,
                resolvedAt: open ? null : new Date(ratedAt.getTime() + 2 * DAY),
                resolvedByPersonId: open ? null : alex,
              });
            }
          }
        } else if (s.status === 'missed' && chance(0.5)) {
          ratingRows.push({ tenantId, sessionId: s.id, raterPersonId: mentee.personId, score: 3, tookPlace: false, createdAt: ratedAt, updatedAt: ratedAt });
          const open = now.getTime() - ratedAt.getTime() < 30 * DAY;
          flagRows.push({
            tenantId,
            relationshipId,
            reason: 'did-not-meet',
            key: `did-not-meet:${s.id}`,
            sessionId: s.id,
            raisedByPersonId: mentee.personId,
            raisedAt: ratedAt,
            resolvedAt: open ? null : new Date(ratedAt.getTime() + DAY),
            resolvedByPersonId: open ? null : alex,
          });
        }
      });
      sessionCount += sessionIds.length;

      // ---- goals with milestones, further along the older the pair
      const goalCount = fate === 'no-contact' ? (chance(0.5) ? 1 : 0) : int(1, 3);
      for (const [title, measure] of sample(words.goalTitles, goalCount)) {
        const createdAt = startedAt + int(1, 10) * DAY;
        if (createdAt > now.getTime()) continue;
        const progressRoll = Math.min(1, ageDays / 100) * random() + (status === 'finished' ? 0.6 : 0);
        const goalStatus = chance(0.05) ? 'dropped' : progressRoll > 0.6 ? 'done' : progressRoll > 0.15 ? 'in-progress' : 'not-started';
        const goalId = uuid();
        const completedAt = goalStatus === 'done' ? new Date(Math.min(now.getTime() - DAY, createdAt + int(30, 150) * DAY)) : null;
        goalRows.push({
          id: goalId,
          tenantId,
          relationshipId,
          ownerPersonId: mentee.personId,
          title,
          measure,
          targetDate: new Date(startedAt + int(90, 200) * DAY).toISOString().slice(0, 10),
          status: goalStatus,
          progress: goalStatus === 'done' ? 100 : goalStatus === 'in-progress' ? int(2, 8) * 10 : 0,
          completedAt,
          createdAt: new Date(createdAt),
          updatedAt: completedAt ?? new Date(createdAt),
        });
        const steps = chance(0.7) ? int(2, 4) : 0;
        words.milestoneTitles.slice(0, steps).forEach((milestone, i) => {
          const done = goalStatus === 'done' || (goalStatus === 'in-progress' && i < steps / 2);
          milestoneRows.push({
            tenantId,
            goalId,
            title: milestone,
            dueOn: new Date(createdAt + (i + 1) * 30 * DAY).toISOString().slice(0, 10),
            position: i + 1,
            doneAt: done ? new Date(Math.min(now.getTime() - DAY, createdAt + (i + 1) * 20 * DAY)) : null,
            createdAt: new Date(createdAt),
          });
        });
      }
    }
    await insertAll(db, matchProposals, acceptedRows);
    await insertAll(db, relationships, relationshipRows);
    await insertAll(db, sessions, sessionRows);
    await insertAll(db, agendaItems, agendaRows);
    await insertAll(db, ratings, ratingRows);
    await insertAll(db, goals, goalRows);
    await insertAll(db, milestones, milestoneRows);
    await insertAll(db, pairFlags, flagRows);

    // ---- proposals: a few waiting on mentors now, and some answered or lapsed before
    const proposalRows: (typeof matchProposals.$inferInsert)[] = [];
    const mentorsWithRoom = mentors.filter((m) => (load.get(m.personId) ?? 0) < m.capacity);
    waiting.forEach((mentee, i) => {
      const mentor = mentorsWithRoom.filter((m) => m.personId !== mentee.personId)[i % Math.max(1, mentorsWithRoom.length)];
      if (!mentor) return;
      const open = i < 6;
      const proposedAt = open ? now.getTime() - int(2, 60) * 3600_000 : Math.max(+mentee.createdAt, today.getTime() - int(10, 60) * DAY);
      const lapsed = chance(0.5);
      proposalRows.push({
        tenantId,
        programId: program.id,
        menteeEnrollmentId: mentee.enrollmentId,
        mentorEnrollmentId: mentor.enrollmentId,
        score: Math.round(between(55, 92) * 10) / 10,
        reasons: {
          forMentee: ['offers 2 of the 3 skills you want', '2 levels senior', 'different department'],
          forMentor: ['wants 2 of the skills you offer', 'different department', 'same time zone'],
        },
        source: program.matchingMode,
        status: open ? 'proposed' : lapsed ? 'expired' : 'declined',
        declineReason: null,
        proposedAt: new Date(proposedAt),
        expiresAt: new Date(proposedAt + program.proposalExpiryDays * DAY),
        respondedAt: open || lapsed ? null : new Date(proposedAt + int(4, 60) * 3600_000),
        createdAt: new Date(proposedAt),
      });
    });
    await insertAll(db, matchProposals, proposalRows);

    summary.sessions += sessionCount;
    summary.ratings += ratingRows.length;
    summary.goals += goalRows.length;
    return { name: program.name, participants: participants.length, pairs: pairs.length, sessions: sessionCount };
  }

  /** A questionnaire's answers for a role: every required question, most optional ones, choices from its options. */
  function answersFor(questions: Question[], role: Role, timeZone: string): Answers {
    const answers: Answers = {};
    for (const q of questionsFor({ questions }, role)) {
      if (!q.required && !chance(q.sensitive ? 0.2 : 0.6)) continue;
      if (q.purpose === 'manager') continue;
      if (q.purpose === 'time-zone' && q.options?.some((o) => o.value === timeZone)) {
        answers[q.id] = timeZone;
        continue;
      }
      if (q.purpose === 'languages') {
        answers[q.id] = ['english', ...sample(q.options!.map((o) => o.value).filter((v) => v !== 'english'), int(0, 2))];
        continue;
      }
      switch (q.type) {
        case 'single-choice':
          answers[q.id] = pick(q.options!).value;
          break;
        case 'multi-choice':
          answers[q.id] = sample(q.options!.map((o) => o.value), int(1, Math.min(q.maxChoices ?? 3, 3)));
          break;
        case 'number':
          answers[q.id] = q.id === 'mentorCapacity' ? pick([1, 2, 2, 2, 3]) : int(q.min ?? 0, Math.min(q.max ?? 30, 30));
          break;
        case 'long-text':
          answers[q.id] = pick(words.menteeGoals);
          break;
        case 'text':
          answers[q.id] = pick(words.locations);
          break;
      }
    }
    return answers;
  }

  /** The next working-day slot between 08:00 and 16:00 UTC at or after t, on the hour. */
  function workingSlot(t: number): number {
    const d = new Date(t);
    d.setUTCHours(int(8, 16), 0, 0, 0);
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
    return d.getTime();
  }

}

/** Multi-row inserts in chunks (PostgreSQL takes at most 65,535 parameters per statement). */
async function insertAll<T extends typeof people | typeof enrollments | typeof relationships | typeof sessions | typeof agendaItems | typeof ratings | typeof goals | typeof milestones | typeof pairFlags | typeof matchProposals>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(table).values(rows.slice(i, i + 500) as never);
  }
}

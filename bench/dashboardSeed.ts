/**
 * One large program for the dashboard benchmark, written set-based on the
 * server (INSERT ... SELECT over generate_series): 10,000 participants
 * (3,000 mentors, 7,000 mentees), 5,000 pairs, 20 sessions per pair every
 * two weeks, 150,000 ratings, two goals per pair, open flags and pending
 * proposals. Ids are md5-derived, so every run writes the same rows.
 */
import type { Database } from '../src/store/database';

export const BENCH_SIZES = { participants: 10_000, mentors: 3_000, pairs: 5_000, sessionsPerPair: 20, ratings: 150_000 };

const person = (n: string) => `md5('p' || ${n})::uuid`;

export async function seedDashboardProgram(database: Database, tenantId: string, programId: string) {
  const { participants, mentors, pairs, sessionsPerPair, ratings } = BENCH_SIZES;
  const run = (text: string, values: unknown[] = [tenantId, programId]) => database.executeSql(text, values);
  const mentorOf = `(((j - 1) % ${mentors}) + 1)`;
  const menteeOf = `(${mentors} + j)`;
  const startOf = `(now() - make_interval(days => 260 + j % 60))`;

  await run(
    `insert into people (id, tenant_id, teams_user_id, name, email)
     select ${person('i')}, $1, 'bench-user-' || i, 'Person ' || i, 'person' || i || '@example.com'
     from generate_series(1, ${participants}) i`,
    [tenantId],
  );
  await run(
    `insert into enrollments (tenant_id, program_id, person_id, role, answers, mentor_capacity, status, withdrawn_at, created_at, updated_at)
     select $1, $2, ${person('i')},
            case when i <= ${mentors} then 'mentor' else 'mentee' end,
            '{"department": "engineering", "languages": ["english"], "level": "manager"}'::jsonb,
            case when i <= ${mentors} then 2 end,
            case when i > ${mentors + pairs} and i % 20 = 0 then 'withdrawn' else 'active' end,
            case when i > ${mentors + pairs} and i % 20 = 0 then now() - make_interval(days => i % 90) end,
            now() - make_interval(days => 270 + i % 130), now()
     from generate_series(1, ${participants}) i`,
  );
  await run(
    `insert into relationships (id, tenant_id, program_id, mentor_person_id, mentee_person_id, stage, status, started_at, ended_at, mentor_first_contact_at)
     select md5('r' || j)::uuid, $1, $2, ${person(mentorOf)}, ${person(menteeOf)}, 'progression',
            case when j % 20 = 0 then 'ended' when j % 20 = 1 then 'paused' else 'active' end,
            ${startOf},
            case when j % 20 = 0 then now() - interval '10 days' end,
            case when j % 97 = 0 then null else ${startOf} + interval '1 day' end
     from generate_series(1, ${pairs}) j`,
  );
  await run(
    `insert into sessions (id, tenant_id, relationship_id, starts_at, ends_at, status, organizer_person_id, attendance)
     select md5('s' || j || '-' || k)::uuid, $1, md5('r' || j)::uuid, t.st, t.st + interval '1 hour',
            case when t.st > now() then 'scheduled' when (j + k) % 10 = 0 then 'cancelled' when (j + k) % 10 = 1 then 'missed' else 'held' end,
            ${person(mentorOf)},
            case when k % 2 = 0
                 then jsonb_build_object(${person(mentorOf)}::text, 'organizer', ${person(menteeOf)}::text,
                                         case when (j + k) % 10 = 1 then 'declined' else 'accepted' end)
                 else '{}'::jsonb end
     from generate_series(1, ${pairs}) j
     cross join generate_series(1, ${sessionsPerPair}) k
     cross join lateral (select ${startOf} + make_interval(days => 7 + (k - 1) * 14, hours => j % 8) as st) t`,
    [tenantId],
  );
  await run(
    `insert into ratings (tenant_id, session_id, rater_person_id, score, took_place, most_useful, share_with_partner, created_at, updated_at)
     select $1, s.id, v.rater,
            case when h % 20 = 0 then 1 when h % 20 = 1 then 2 when h % 20 < 6 then 3 when h % 20 < 13 then 4 else 5 end,
            s.status = 'held',
            case when h % 3 = 0 then 'Concrete advice I can use this week' end,
            h % 2 = 0, s.ends_at + interval '2 hours', s.ends_at + interval '2 hours'
     from (
       select s.id, s.status, s.ends_at, r.mentor_person_id, r.mentee_person_id
       from sessions s join relationships r on r.id = s.relationship_id
       where s.tenant_id = $1 and s.status in ('held', 'missed')
       order by s.id
     ) s
     cross join lateral (values (s.mentee_person_id, 1), (s.mentor_person_id, 2)) as v(rater, side)
     cross join lateral (select abs(hashtext(s.id::text || v.side)) as h) x
     limit ${ratings}`,
    [tenantId],
  );
  await run(
    `insert into goals (tenant_id, relationship_id, owner_person_id, title, measure, status, progress, completed_at)
     select $1, md5('r' || j)::uuid, ${person(menteeOf)}, 'Goal ' || g, 'Measured by ' || g,
            case (j + g) % 4 when 0 then 'done' when 1 then 'in-progress' when 2 then 'not-started' else 'in-progress' end,
            case (j + g) % 4 when 0 then 100 when 2 then 0 else 50 end,
            case when (j + g) % 4 = 0 then now() - make_interval(days => j % 100) end
     from generate_series(1, ${pairs}) j cross join generate_series(1, 2) g`,
    [tenantId],
  );
  await run(
    `insert into pair_flags (tenant_id, relationship_id, reason, key, raised_at)
     select $1, md5('r' || j)::uuid, case when j % 40 = 2 then 'low-rating' else 'did-not-meet' end, 'bench:' || j, now() - make_interval(days => j % 30)
     from generate_series(1, ${pairs}) j where j % 20 = 2`,
    [tenantId],
  );
  await run(
    `insert into match_proposals (tenant_id, program_id, mentee_enrollment_id, mentor_enrollment_id, score, reasons, status, proposed_at, expires_at)
     select $1, $2, mentee.id, mentor.id, 70, '{"forMentee": [], "forMentor": []}'::jsonb, 'proposed', now(), now() + interval '3 days'
     from generate_series(1, 200) i
     join enrollments mentee on mentee.person_id = ${person(`${mentors + pairs} + i`)} and mentee.program_id = $2
     join enrollments mentor on mentor.person_id = ${person(`${mentors} - i`)} and mentor.program_id = $2
     where mentee.status = 'active'`,
  );
  // As autovacuum would have by the time a program is this big: statistics, and a visibility map so
  // index-only scans need not visit the heap.
  await database.executeSql('vacuum analyze');

  const count = async (table: string) =>
    Number(((await database.executeSql(`select count(*)::int as n from ${table} where tenant_id = $1`, [tenantId])).rows[0] as { n: number }).n);
  return {
    participants: await count('enrollments'),
    pairs: await count('relationships'),
    sessions: await count('sessions'),
    ratings: await count('ratings'),
    goals: await count('goals'),
    flags: await count('pair_flags'),
  };
}

/**
 * Program health: aggregate SQL over one program's rows. Every query is
 * filtered by tenant and program first; sessions, ratings, goals and flags
 * belong to a program through their relationship; value shapes as in
 * aggregateSql.ts. Flags are resolved through store.pairFlags, and the CSV
 * exports read programExports.ts.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import { DAY_MS, dayOf as utcDay, type RiskReason } from '../../domain/programHealth';
import { ms, rows } from './aggregateSql';

export interface HealthWindow {
  tenantId: string;
  programId: string;
  start: Date;
  end: Date;
  now: Date;
}

export interface EnrollmentFigures {
  reg_mentor: number;
  reg_mentee: number;
  reg_both: number;
  withdrawn: number;
  active_mentors: number;
  active_mentees: number;
  active_total: number;
  matched_mentees: number;
}

export interface PairFigures {
  active: number;
  paused: number;
  started: number;
  ended: number;
  active_in_range: number;
}

export interface SessionBreakdownRow {
  week: string;
  status: 'proposed' | 'scheduled' | 'held' | 'cancelled' | 'missed';
  due: boolean;
  /** The attendees' invitation responses of each session in the group, sorted. */
  responses: string[];
  count: number;
}

export interface RatingBreakdownRow {
  month: string;
  score: number;
  by_mentor: boolean;
  count: number;
}

export interface GoalFigures {
  total: number;
  done: number;
  in_progress: number;
  not_started: number;
  dropped: number;
}

export interface OpenFlagRow {
  id: string;
  relationship_id: string;
  reason: RiskReason;
  session_id: string | null;
  raised_at: number;
}

/** An active pair that may be at risk by the data alone (no upcoming session; quiet too long or no first contact). */
export interface QuietPairRow {
  relationship_id: string;
  started_at: number;
  mentor_first_contact_at: number | null;
  last_held_at: number | null;
  /** Any session at all; only looked up (and only true when there is one) for a pair with no first contact. */
  any_session: boolean;
  upcoming: boolean;
  last_no_session_flag: number | null;
  last_first_contact_flag: number | null;
}

export interface PairPeopleRow {
  id: string;
  started_at: number;
  mentor_id: string;
  mentor_name: string;
  mentee_id: string;
  mentee_name: string;
  last_held_at: number | null;
}

export function programHealthRepository(db: Db) {
  return {
    async enrollmentFigures(w: HealthWindow): Promise<EnrollmentFigures> {
      const [row] = await rows<EnrollmentFigures>(
        db,
        sql`
        select
          count(*) filter (where e.created_at >= ${w.start} and e.created_at < ${w.end} and e.role = 'mentor')::int as reg_mentor,
          count(*) filter (where e.created_at >= ${w.start} and e.created_at < ${w.end} and e.role = 'mentee')::int as reg_mentee,
          count(*) filter (where e.created_at >= ${w.start} and e.created_at < ${w.end} and e.role = 'both')::int as reg_both,
          count(*) filter (where e.withdrawn_at >= ${w.start} and e.withdrawn_at < ${w.end})::int as withdrawn,
          count(*) filter (where e.status = 'active' and e.role in ('mentor', 'both'))::int as active_mentors,
          count(*) filter (where e.status = 'active' and e.role in ('mentee', 'both'))::int as active_mentees,
          count(*) filter (where e.status = 'active')::int as active_total,
          count(*) filter (where e.status = 'active' and e.role in ('mentee', 'both') and m.mentee_person_id is not null)::int as matched_mentees
        from enrollments e
        -- One hash of the matched mentees rather than a probe per enrollment.
        left join (
          select distinct mentee_person_id from relationships
          where tenant_id = ${w.tenantId} and program_id = ${w.programId} and status in ('active', 'paused')
        ) m on m.mentee_person_id = e.person_id
        where e.tenant_id = ${w.tenantId} and e.program_id = ${w.programId}`,
      );
      return row!;
    },

    /** Median days from registration to a mentee's first relationship, over first relationships started in the window. */
    async timeToMatch(w: HealthWindow): Promise<{ median_days: number | null; mentees: number }> {
      const [row] = await rows<{ median_days: number | null; mentees: number }>(
        db,
        sql`
        select
          (percentile_cont(0.5) within group (
            order by greatest(0, extract(epoch from (f.started_at - e.created_at)) / 86400)))::float8 as median_days,
          count(*)::int as mentees
        from (
          select mentee_person_id, min(started_at) as started_at
          from relationships
          where tenant_id = ${w.tenantId} and program_id = ${w.programId}
          group by mentee_person_id
        ) f
        join enrollments e on e.tenant_id = ${w.tenantId} and e.program_id = ${w.programId} and e.person_id = f.mentee_person_id
        where f.started_at >= ${w.start} and f.started_at < ${w.end}`,
      );
      return row!;
    },

    async proposalFigures(w: HealthWindow): Promise<{ pending: number; accepted: number; declined: number; expired: number }> {
      const answered = sql`coalesce(responded_at, expires_at) >= ${w.start} and coalesce(responded_at, expires_at) < ${w.end}`;
      const [row] = await rows<{ pending: number; accepted: number; declined: number; expired: number }>(
        db,
        sql`
        select
          count(*) filter (where status = 'proposed')::int as pending,
          count(*) filter (where status = 'accepted' and ${answered})::int as accepted,
          count(*) filter (where status = 'declined' and ${answered})::int as declined,
          count(*) filter (where status = 'expired' and ${answered})::int as expired
        from match_proposals
        where tenant_id = ${w.tenantId} and program_id = ${w.programId}`,
      );
      return row!;
    },

    async pairFigures(w: HealthWindow): Promise<PairFigures> {
      const [row] = await rows<PairFigures>(
        db,
        sql`
        select
          count(*) filter (where status = 'active')::int as active,
          count(*) filter (where status = 'paused')::int as paused,
          count(*) filter (where started_at >= ${w.start} and started_at < ${w.end})::int as started,
          count(*) filter (where ended_at >= ${w.start} and ended_at < ${w.end})::int as ended,
          count(*) filter (where started_at < ${w.end} and (ended_at is null or ended_at >= ${w.start}))::int as active_in_range
        from relationships
        where tenant_id = ${w.tenantId} and program_id = ${w.programId}`,
      );
      return row!;
    },

    /**
     * Sessions that start in the window by week, status, whether they are due
     * (started before now) and their attendees' responses: one pass that every
     * session and attendance figure and the weekly series are summed from.
     * Whole days come from program_session_days (kept by triggers); only
     * today's sessions, some due and some not yet, are read one by one.
     */
    async sessionBreakdown(w: HealthWindow): Promise<SessionBreakdownRow[]> {
      const today = utcDay(w.now);
      const todayStart = new Date(`${today}T00:00:00Z`);
      const todayEnd = new Date(todayStart.getTime() + DAY_MS);
      return rows(
        db,
        sql`
        select to_char(week, 'YYYY-MM-DD') as week, status, due, to_jsonb(responses) as responses, sum(count)::int as count from (
          select date_trunc('week', d.day::timestamp) as week, d.status, d.day < ${today}::date as due, d.responses, d.sessions as count
          from program_session_days d
          where d.tenant_id = ${w.tenantId} and d.program_id = ${w.programId}
            and d.day >= ${utcDay(w.start)}::date and d.day < ${utcDay(w.end)}::date and d.day <> ${today}::date and d.sessions <> 0
          union all
          select date_trunc('week', s.starts_at at time zone 'UTC'), s.status, s.starts_at < ${w.now}, coalesce(s.attendance_responses, '{}'), 1
          from sessions s
          where s.tenant_id = ${w.tenantId} and s.program_id = ${w.programId}
            and s.starts_at >= greatest(${w.start}::timestamptz, ${todayStart}::timestamptz)
            and s.starts_at < least(${w.end}::timestamptz, ${todayEnd}::timestamptz)
        ) counted
        group by week, status, due, responses
        having sum(count) <> 0`,
      );
    },

    /**
     * Ratings of sessions that start in the window by month, score and the
     * rater's side, summed from program_rating_days (kept by triggers): one
     * pass for every rating figure.
     */
    async ratingBreakdown(w: HealthWindow): Promise<RatingBreakdownRow[]> {
      return rows(
        db,
        sql`
        select to_char(date_trunc('month', d.day::timestamp), 'YYYY-MM') as month, d.score, d.by_mentor, sum(d.ratings)::int as count
        from program_rating_days d
        where d.tenant_id = ${w.tenantId} and d.program_id = ${w.programId}
          and d.day >= ${utcDay(w.start)}::date and d.day < ${utcDay(w.end)}::date
        group by 1, 2, 3
        having sum(d.ratings) <> 0`,
      );
    },

    async goalFigures(w: HealthWindow): Promise<GoalFigures> {
      const [row] = await rows<GoalFigures>(
        db,
        sql`
        select
          count(*)::int as total,
          count(*) filter (where g.status = 'done')::int as done,
          count(*) filter (where g.status = 'in-progress')::int as in_progress,
          count(*) filter (where g.status = 'not-started')::int as not_started,
          count(*) filter (where g.status = 'dropped')::int as dropped
        from goals g
        join relationships r on r.tenant_id = g.tenant_id and r.id = g.relationship_id
        where r.tenant_id = ${w.tenantId} and r.program_id = ${w.programId}
          and r.started_at < ${w.end} and (r.ended_at is null or r.ended_at >= ${w.start})`,
      );
      return row!;
    },

    /** Active mentors grouped by (current mentees, capacity). */
    async mentorLoad(tenantId: string, programId: string): Promise<{ mentees: number; capacity: number; mentors: number }[]> {
      return rows(
        db,
        sql`
        with current_load as (
          select mentor_person_id, count(*)::int as mentees
          from relationships
          where tenant_id = ${tenantId} and program_id = ${programId} and status in ('active', 'paused')
          group by mentor_person_id
        )
        select coalesce(l.mentees, 0)::int as mentees,
               coalesce(e.mentor_capacity, p.mentor_capacity_default)::int as capacity,
               count(*)::int as mentors
        from enrollments e
        join programs p on p.tenant_id = e.tenant_id and p.id = e.program_id
        left join current_load l on l.mentor_person_id = e.person_id
        where e.tenant_id = ${tenantId} and e.program_id = ${programId}
          and e.status = 'active' and e.role in ('mentor', 'both')
        group by 1, 2`,
      );
    },

    /** Open flags on the program's active pairs, oldest first. */
    async openFlags(tenantId: string, programId: string): Promise<OpenFlagRow[]> {
      return rows(
        db,
        sql`
        select f.id, f.relationship_id, f.reason, f.session_id, ${ms('f.raised_at')} as raised_at
        from pair_flags f
        join relationships r on r.tenant_id = f.tenant_id and r.id = f.relationship_id
        where f.tenant_id = ${tenantId} and f.resolved_at is null
          and r.program_id = ${programId} and r.status = 'active'
        order by f.raised_at, f.id`,
      );
    },

    /**
     * Active pairs with nothing upcoming that have gone quiet for the cadence or
     * still lack a first contact a week in: the candidates the domain rules look at.
     */
    async quietPairs(tenantId: string, programId: string, now: Date, cadenceDays: number, firstContactDays: number): Promise<QuietPairRow[]> {
      return rows(
        db,
        sql`
        with candidates as (
          -- Each pair's sessions are summed up on the relationship by a trigger (migration 0003_dashboard).
          select r.id, r.started_at, r.mentor_first_contact_at, r.last_held_at, r.has_session as any_session
          from relationships r
          where r.tenant_id = ${tenantId} and r.program_id = ${programId} and r.status = 'active'
            and (r.open_until is null or r.open_until <= ${now})
        ),
        flagged as (
          select f.relationship_id,
                 max(f.raised_at) filter (where f.reason = 'no-session') as last_no_session_flag,
                 max(f.raised_at) filter (where f.reason = 'no-first-contact') as last_first_contact_flag
          from pair_flags f
          join relationships r on r.tenant_id = f.tenant_id and r.id = f.relationship_id
          where f.tenant_id = ${tenantId} and r.program_id = ${programId} and r.status = 'active'
            and f.reason in ('no-session', 'no-first-contact')
          group by f.relationship_id
        )
        select c.id as relationship_id,
               ${ms('c.started_at')} as started_at,
               ${ms('c.mentor_first_contact_at')} as mentor_first_contact_at,
               ${ms('c.last_held_at')} as last_held_at,
               c.any_session,
               false as upcoming,
               ${ms('fl.last_no_session_flag')} as last_no_session_flag,
               ${ms('fl.last_first_contact_flag')} as last_first_contact_flag
        from candidates c
        left join flagged fl on fl.relationship_id = c.id
        where coalesce(c.last_held_at, c.started_at) <= ${now}::timestamptz - make_interval(days => ${cadenceDays})
           or (c.mentor_first_contact_at is null and not c.any_session
               and c.started_at <= ${now}::timestamptz - make_interval(days => ${firstContactDays}))`,
      );
    },

    /** The people and last held session of the given pairs. */
    async pairPeople(tenantId: string, relationshipIds: string[]): Promise<PairPeopleRow[]> {
      if (relationshipIds.length === 0) return [];
      const ids = sql.join(
        relationshipIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      return rows(
        db,
        sql`
        select r.id, ${ms('r.started_at')} as started_at,
               mentor.id as mentor_id, mentor.name as mentor_name, mentee.id as mentee_id, mentee.name as mentee_name,
               ${ms('r.last_held_at')} as last_held_at
        from relationships r
        join people mentor on mentor.tenant_id = r.tenant_id and mentor.id = r.mentor_person_id
        join people mentee on mentee.tenant_id = r.tenant_id and mentee.id = r.mentee_person_id
        where r.tenant_id = ${tenantId} and r.id in (${ids})`,
      );
    },

    async registrationsPerWeek(w: HealthWindow): Promise<{ week: string; mentors: number; mentees: number }[]> {
      return rows(
        db,
        sql`
        select to_char(date_trunc('week', created_at at time zone 'UTC'), 'YYYY-MM-DD') as week,
               count(*) filter (where role in ('mentor', 'both'))::int as mentors,
               count(*) filter (where role in ('mentee', 'both'))::int as mentees
        from enrollments
        where tenant_id = ${w.tenantId} and program_id = ${w.programId}
          and created_at >= ${w.start} and created_at < ${w.end}
        group by 1`,
      );
    },
  };
}

export type ProgramHealthRepository = ReturnType<typeof programHealthRepository>;

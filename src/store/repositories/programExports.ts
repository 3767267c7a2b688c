/**
 * The CSV exports' rows: one per line of the file, in a stable order, only
 * the program's rows (filtered by tenant and program first; sessions, ratings,
 * goals and flags belong to a program through their relationship); value
 * shapes as in aggregateSql.ts.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../database';
import type { Answers } from '../../domain/answers';
import { ms, rows } from './aggregateSql';

export interface ParticipantExportRow {
  person_id: string;
  name: string;
  email: string | null;
  role: 'mentor' | 'mentee' | 'both';
  status: 'active' | 'paused' | 'withdrawn';
  answers: Answers;
  capacity: number | null;
  registered_at: number;
  withdrawn_at: number | null;
  current_mentees: number;
  current_mentor: string | null;
}

export interface PairExportRow {
  id: string;
  mentor_name: string;
  mentor_email: string | null;
  mentee_name: string;
  mentee_email: string | null;
  status: string;
  stage: string;
  started_at: number;
  ended_at: number | null;
  held: number;
  missed: number;
  cancelled: number;
  last_held_at: number | null;
  average: number | null;
  ratings: number;
  goals: number;
  goals_done: number;
  open_flags: string | null;
}

export interface SessionExportRow {
  id: string;
  relationship_id: string;
  mentor_name: string;
  mentee_name: string;
  starts_at: number;
  ends_at: number;
  status: string;
  cancelled_at: number | null;
  mentor_response: string | null;
  mentee_response: string | null;
  ratings: number;
  average: number | null;
}

export interface RatingExportRow {
  id: string;
  session_id: string;
  relationship_id: string;
  session_starts_at: number;
  rater_id: string;
  rater_name: string;
  rater_role: 'mentor' | 'mentee';
  mentor_id: string;
  mentee_id: string;
  score: number;
  took_place: boolean;
  most_useful: string | null;
  share_with_partner: boolean;
  created_at: number;
}

export function programExportsRepository(db: Db) {
  return {
    async participantsForExport(tenantId: string, programId: string): Promise<ParticipantExportRow[]> {
      return rows(
        db,
        sql`
        select p.id as person_id, p.name, p.email, e.role, e.status, e.answers,
               coalesce(e.mentor_capacity, case when e.role in ('mentor', 'both') then prog.mentor_capacity_default end) as capacity,
               ${ms('e.created_at')} as registered_at, ${ms('e.withdrawn_at')} as withdrawn_at,
               (select count(*)::int from relationships r
                 where r.tenant_id = e.tenant_id and r.program_id = e.program_id and r.mentor_person_id = e.person_id
                   and r.status in ('active', 'paused')) as current_mentees,
               (select string_agg(m.name, '; ' order by m.name) from relationships r
                 join people m on m.tenant_id = r.tenant_id and m.id = r.mentor_person_id
                 where r.tenant_id = e.tenant_id and r.program_id = e.program_id and r.mentee_person_id = e.person_id
                   and r.status in ('active', 'paused')) as current_mentor
        from enrollments e
        join people p on p.tenant_id = e.tenant_id and p.id = e.person_id
        join programs prog on prog.tenant_id = e.tenant_id and prog.id = e.program_id
        where e.tenant_id = ${tenantId} and e.program_id = ${programId}
        order by e.created_at, p.name, p.id`,
      );
    },

    async pairsForExport(tenantId: string, programId: string): Promise<PairExportRow[]> {
      return rows(
        db,
        sql`
        with s as (
          select s.relationship_id,
                 count(*) filter (where s.status = 'held')::int as held,
                 count(*) filter (where s.status = 'missed')::int as missed,
                 count(*) filter (where s.status = 'cancelled')::int as cancelled,
                 max(s.starts_at) filter (where s.status = 'held') as last_held_at
          from sessions s join relationships r on r.tenant_id = s.tenant_id and r.id = s.relationship_id
          where r.tenant_id = ${tenantId} and r.program_id = ${programId}
          group by s.relationship_id
        ), rt as (
          select s.relationship_id, avg(rt.score)::float8 as average, count(*)::int as ratings
          from ratings rt
          join sessions s on s.tenant_id = rt.tenant_id and s.id = rt.session_id
          join relationships r on r.tenant_id = s.tenant_id and r.id = s.relationship_id
          where r.tenant_id = ${tenantId} and r.program_id = ${programId}
          group by s.relationship_id
        ), g as (
          select g.relationship_id, count(*)::int as goals, count(*) filter (where g.status = 'done')::int as done
          from goals g join relationships r on r.tenant_id = g.tenant_id and r.id = g.relationship_id
          where r.tenant_id = ${tenantId} and r.program_id = ${programId}
          group by g.relationship_id
        ), f as (
          select f.relationship_id, string_agg(distinct f.reason, '; ') as open_flags
          from pair_flags f join relationships r on r.tenant_id = f.tenant_id and r.id = f.relationship_id
          where f.tenant_id = ${tenantId} and r.program_id = ${programId} and f.resolved_at is null
          group by f.relationship_id
        )
        select r.id, mentor.name as mentor_name, mentor.email as mentor_email, mentee.name as mentee_name, mentee.email as mentee_email,
               r.status, r.stage, ${ms('r.started_at')} as started_at, ${ms('r.ended_at')} as ended_at,
               coalesce(s.held, 0) as held, coalesce(s.missed, 0) as missed, coalesce(s.cancelled, 0) as cancelled,
               ${ms('s.last_held_at')} as last_held_at, rt.average, coalesce(rt.ratings, 0) as ratings,
               coalesce(g.goals, 0) as goals, coalesce(g.done, 0) as goals_done, f.open_flags
        from relationships r
        join people mentor on mentor.tenant_id = r.tenant_id and mentor.id = r.mentor_person_id
        join people mentee on mentee.tenant_id = r.tenant_id and mentee.id = r.mentee_person_id
        left join s on s.relationship_id = r.id
        left join rt on rt.relationship_id = r.id
        left join g on g.relationship_id = r.id
        left join f on f.relationship_id = r.id
        where r.tenant_id = ${tenantId} and r.program_id = ${programId}
        order by r.started_at, r.id`,
      );
    },

    async sessionsForExport(tenantId: string, programId: string): Promise<SessionExportRow[]> {
      return rows(
        db,
        sql`
        with rated as (
          select rt.session_id, count(*)::int as ratings, avg(rt.score)::float8 as average
          from ratings rt
          join sessions s on s.tenant_id = rt.tenant_id and s.id = rt.session_id
          join relationships r on r.tenant_id = s.tenant_id and r.id = s.relationship_id
          where r.tenant_id = ${tenantId} and r.program_id = ${programId} and rt.tenant_id = ${tenantId}
          group by rt.session_id
        )
        select s.id, s.relationship_id, mentor.name as mentor_name, mentee.name as mentee_name,
               ${ms('s.starts_at')} as starts_at, ${ms('s.ends_at')} as ends_at, s.status, ${ms('s.cancelled_at')} as cancelled_at,
               s.attendance ->> r.mentor_person_id::text as mentor_response,
               s.attendance ->> r.mentee_person_id::text as mentee_response,
               coalesce(rated.ratings, 0) as ratings, rated.average
        from sessions s
        join relationships r on r.tenant_id = s.tenant_id and r.id = s.relationship_id
        join people mentor on mentor.tenant_id = r.tenant_id and mentor.id = r.mentor_person_id
        join people mentee on mentee.tenant_id = r.tenant_id and mentee.id = r.mentee_person_id
        left join rated on rated.session_id = s.id
        where r.tenant_id = ${tenantId} and r.program_id = ${programId} and s.tenant_id = ${tenantId}
        order by s.starts_at, s.id`,
      );
    },

    async ratingsForExport(tenantId: string, programId: string): Promise<RatingExportRow[]> {
      return rows(
        db,
        sql`
        select rt.id, rt.session_id, s.relationship_id, ${ms('s.starts_at')} as session_starts_at,
               rater.id as rater_id, rater.name as rater_name,
               case when rt.rater_person_id = r.mentor_person_id then 'mentor' else 'mentee' end as rater_role,
               r.mentor_person_id as mentor_id, r.mentee_person_id as mentee_id,
               rt.score, rt.took_place, rt.most_useful, rt.share_with_partner, ${ms('rt.created_at')} as created_at
        from ratings rt
        join sessions s on s.tenant_id = rt.tenant_id and s.id = rt.session_id
        join relationships r on r.tenant_id = s.tenant_id and r.id = s.relationship_id
        join people rater on rater.tenant_id = rt.tenant_id and rater.id = rt.rater_person_id
        where r.tenant_id = ${tenantId} and r.program_id = ${programId} and rt.tenant_id = ${tenantId}
        order by s.starts_at, rt.created_at, rt.id`,
      );
    },
  };
}

export type ProgramExportsRepository = ReturnType<typeof programExportsRepository>;

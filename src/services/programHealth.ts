/**
 * Program health for the admin tab: every figure of src/domain/programHealth.ts
 * for one program and date range, and resolving a pair flag (audited). The
 * caller has already been checked as an admin of the program.
 */
import {
  AT_RISK_LISTED,
  computedRisks,
  fillSeries,
  mentorLoadOf,
  monthsOf,
  rangeBounds,
  ratio,
  riskActions,
  riskReasons,
  ratingFiguresOf,
  sessionFiguresOf,
  weeksOf,
  type DateRange,
  type PairAtRisk,
  type ProgramHealth,
  type RiskItem,
  type RiskReason,
} from '../domain/programHealth';
import { FIRST_CONTACT_DAYS } from '../domain/sessions';
import type { PairFlag } from '../store/repositories/pairFlags';
import type { ProgramHealthRepository, HealthWindow } from '../store/repositories/programHealth';
import type { Program } from '../store/repositories/programs';
import type { Store } from '../store/store';
import type { Clock } from './ports';

export interface ProgramHealthDeps {
  health: ProgramHealthRepository;
  store: Store;
  clock: Clock;
}

export type ResolveFlagResult =
  | { kind: 'resolved'; flag: ResolvedFlag }
  | { kind: 'already-resolved'; flag: ResolvedFlag }
  | { kind: 'unknown-flag' };

export interface ResolvedFlag {
  id: string;
  relationshipId: string;
  reason: RiskReason;
  resolvedAt: string;
}

/** How long a health answer is reused, and how many are kept. */
export const CACHE_SECONDS = 60;
const CACHE_ENTRIES = 200;

const iso = (epochMs: number | null): string | null => (epochMs === null ? null : new Date(epochMs).toISOString());

export function createProgramHealthService(deps: ProgramHealthDeps) {
  const { health, store, clock } = deps;
  const cache = new Map<string, { at: number; answer: Promise<ProgramHealth> }>();
  const forget = (program: Program) => {
    for (const key of cache.keys()) if (key.startsWith(`${program.tenantId}|${program.id}|`)) cache.delete(key);
  };

  async function atRisk(program: Program, now: Date): Promise<ProgramHealth['atRisk']> {
    const [flags, quiet] = await Promise.all([
      health.openFlags(program.tenantId, program.id),
      health.quietPairs(program.tenantId, program.id, now, program.cadenceDays, FIRST_CONTACT_DAYS),
    ]);
    const reasons = new Map<string, RiskItem[]>();
    const add = (relationshipId: string, item: RiskItem) => reasons.set(relationshipId, [...(reasons.get(relationshipId) ?? []), item]);
    for (const f of flags) {
      add(f.relationship_id, { reason: f.reason, source: 'flag', flagId: f.id, since: iso(f.raised_at)!, sessionId: f.session_id });
    }
    for (const q of quiet) {
      const open = new Set((reasons.get(q.relationship_id) ?? []).map((r) => r.reason));
      const lastFlagged: Partial<Record<RiskReason, Date>> = {};
      if (q.last_no_session_flag !== null) lastFlagged['no-session'] = new Date(q.last_no_session_flag);
      if (q.last_first_contact_flag !== null) lastFlagged['no-first-contact'] = new Date(q.last_first_contact_flag);
      const found = computedRisks(
        {
          startedAt: new Date(q.started_at),
          mentorFirstContactAt: q.mentor_first_contact_at === null ? null : new Date(q.mentor_first_contact_at),
          lastHeldAt: q.last_held_at === null ? null : new Date(q.last_held_at),
          anySession: q.any_session,
          upcoming: q.upcoming,
          lastFlagged,
        },
        program.cadenceDays,
        now,
      );
      for (const risk of found) {
        if (open.has(risk.reason)) continue;
        add(q.relationship_id, { reason: risk.reason, source: 'computed', flagId: null, since: risk.since.toISOString(), sessionId: null });
      }
    }

    const byReason = Object.fromEntries(riskReasons.map((r) => [r, 0])) as Record<RiskReason, number>;
    for (const items of reasons.values()) for (const reason of new Set(items.map((i) => i.reason))) byReason[reason]++;
    // Longest at risk first: the pair whose oldest reason started earliest.
    const oldest = (items: RiskItem[]) => Math.min(...items.map((i) => Date.parse(i.since)));
    const listed = [...reasons.entries()].sort((a, b) => oldest(a[1]) - oldest(b[1]) || a[0].localeCompare(b[0])).slice(0, AT_RISK_LISTED);
    const people = new Map((await health.pairPeople(program.tenantId, listed.map(([id]) => id))).map((p) => [p.id, p]));
    const pairs: PairAtRisk[] = listed.flatMap(([relationshipId, items]) => {
      const p = people.get(relationshipId);
      if (!p) return [];
      return [
        {
          relationshipId,
          mentor: { personId: p.mentor_id, name: p.mentor_name },
          mentee: { personId: p.mentee_id, name: p.mentee_name },
          startedAt: iso(p.started_at)!,
          lastHeldSessionAt: iso(p.last_held_at),
          reasons: items,
          actions: riskActions(program.id, relationshipId, p.mentee_id, items),
        },
      ];
    });
    return { total: reasons.size, byReason, pairs };
  }

  async function compute(program: Program, range: DateRange, now: Date): Promise<ProgramHealth> {
    const { start, end } = rangeBounds(range);
    const w: HealthWindow = { tenantId: program.tenantId, programId: program.id, start, end, now };
    // Independent reads: on a server pool they run side by side.
    const [enrollment, toMatch, proposals, pairs, sessionRows, ratingRows, goals, load, risk, regWeek] = await Promise.all([
      health.enrollmentFigures(w),
      health.timeToMatch(w),
      health.proposalFigures(w),
      health.pairFigures(w),
      health.sessionBreakdown(w),
      health.ratingBreakdown(w),
      health.goalFigures(w),
      health.mentorLoad(program.tenantId, program.id),
      atRisk(program, now),
      health.registrationsPerWeek(w),
    ]);
    const weeks = weeksOf(range);
    const sessions = sessionFiguresOf(sessionRows, pairs.active_in_range, weeks);
    const rating = ratingFiguresOf(ratingRows, monthsOf(range));
    return {
      programId: program.id,
      range,
      generatedAt: now.toISOString(),
      registrations: {
        inRange: {
          mentor: enrollment.reg_mentor,
          mentee: enrollment.reg_mentee,
          both: enrollment.reg_both,
          total: enrollment.reg_mentor + enrollment.reg_mentee + enrollment.reg_both,
        },
        withdrawnInRange: enrollment.withdrawn,
        active: { mentors: enrollment.active_mentors, mentees: enrollment.active_mentees, total: enrollment.active_total },
      },
      matchRate: {
        matchedMentees: enrollment.matched_mentees,
        activeMentees: enrollment.active_mentees,
        rate: ratio(enrollment.matched_mentees, enrollment.active_mentees),
      },
      timeToMatch: { medianDays: toMatch.median_days, mentees: toMatch.mentees },
      proposals: {
        pending: proposals.pending,
        acceptedInRange: proposals.accepted,
        declinedInRange: proposals.declined,
        expiredInRange: proposals.expired,
      },
      pairs: {
        active: pairs.active,
        paused: pairs.paused,
        startedInRange: pairs.started,
        endedInRange: pairs.ended,
        activeInRange: pairs.active_in_range,
      },
      sessions: sessions.sessions,
      attendance: sessions.attendance,
      rating: rating.rating,
      goals: {
        total: goals.total,
        done: goals.done,
        inProgress: goals.in_progress,
        notStarted: goals.not_started,
        dropped: goals.dropped,
        completion: ratio(goals.done, goals.total),
      },
      mentorLoad: mentorLoadOf(load),
      atRisk: risk,
      series: {
        sessionsPerWeek: sessions.perWeek,
        registrationsPerWeek: fillSeries(
          weeks,
          new Map(regWeek.map((r) => [r.week, { mentors: r.mentors, mentees: r.mentees }])),
          () => ({ mentors: 0, mentees: 0 }),
          'week',
        ),
        ratingPerMonth: rating.perMonth,
      },
    };
  }

  return {
    /**
     * The figures for a program and range. An answer is reused for up to
     * CACHE_SECONDS (each says when it was made): a dashboard is read far more
     * often than its figures move, and the aggregates cost hundreds of
     * milliseconds on a large program. Resolving a flag drops the program's answers.
     */
    async health(program: Program, range: DateRange): Promise<ProgramHealth> {
      const key = `${program.tenantId}|${program.id}|${range.from}|${range.to}`;
      const now = clock.now();
      const cached = cache.get(key);
      if (cached && now.getTime() - cached.at < CACHE_SECONDS * 1000 && now.getTime() >= cached.at) return cached.answer;
      const answer = compute(program, range, now);
      cache.set(key, { at: now.getTime(), answer });
      answer.catch(() => cache.delete(key));
      if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
      return answer;
    },

    /** Resolves an open flag once (the audit entry is written in the same transaction); a second call says it already was, and records nothing. */
    async resolveFlag(program: Program, flagId: string, actorPersonId: string): Promise<ResolveFlagResult> {
      const at = clock.now();
      const resolved = await store.transaction(async (tx) => {
        const flag = await tx.pairFlags.resolveInProgram(program.tenantId, program.id, flagId, actorPersonId, at);
        if (flag) {
          await tx.auditLog.record({
            tenantId: program.tenantId,
            actorPersonId,
            action: 'pair-flag.resolve',
            targetType: 'pair_flag',
            targetId: flag.id,
            details: { programId: program.id, relationshipId: flag.relationshipId, reason: flag.reason },
            at,
          });
        }
        return flag;
      });
      forget(program);
      if (resolved) return { kind: 'resolved', flag: flagView(resolved) };
      const existing = await store.pairFlags.getInProgram(program.tenantId, program.id, flagId);
      if (!existing) return { kind: 'unknown-flag' };
      return { kind: 'already-resolved', flag: flagView(existing) };
    },
  };
}

function flagView(flag: PairFlag): ResolvedFlag {
  return { id: flag.id, relationshipId: flag.relationshipId, reason: flag.reason, resolvedAt: (flag.resolvedAt ?? new Date(0)).toISOString() };
}

export type ProgramHealthService = ReturnType<typeof createProgramHealthService>;


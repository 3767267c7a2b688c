/**
 * Program health: the figures the admin tab shows, as the API returns them
 * (one place for the response shape; the tab imports these types), and the
 * pure rules behind them: the date range, chart series, mentor load and the
 * reasons a pair is at risk.
 *
 * What each figure means (range = [from 00:00 UTC, to + 1 day 00:00 UTC)):
 * - registrations.inRange: enrollments created in the range, by the role chosen;
 *   withdrawnInRange: enrollments withdrawn in the range.
 * - registrations.active (snapshot now): active enrollments; "both" counts as mentor and as mentee.
 * - matchRate (snapshot now): active mentees (role mentee or both) with an active or paused
 *   relationship as mentee in the program, divided by all active mentees; null with none.
 * - timeToMatch: for each mentee whose first relationship in the program started in the
 *   range, the days from their registration (enrollment created) to that start, never
 *   below 0; the median and how many mentees it is over; null with none.
 * - proposals.pending (snapshot now): proposals waiting on the mentor; accepted, declined and
 *   expired count answers (respondedAt, or expiry) in the range.
 * - pairs: active and paused now; started and ended in the range; activeInRange: pairs that
 *   were active at some point of the range (started before its end, not ended before its start).
 * - sessions: sessions that start in the range, by status; heldPerPair: held sessions
 *   divided by pairs active in the range (null with none).
 * - attendance: of the sessions due in the range (start in the range, and already started),
 *   held, missed and cancelled; rate = held / (held + missed + cancelled), null with none.
 *   calendarResponses: every attendee's invitation response on those sessions, by response.
 * - rating: ratings of sessions that start in the range: average (1-5), count, how many of
 *   each score, and the average given by mentors and by mentees.
 * - goals: goals of the pairs active in the range, by current status; completion = done / all
 *   goals (dropped ones included: a dropped goal was not reached), null with none.
 * - mentorLoad (snapshot now): each active mentor's current mentees (active or paused
 *   relationships) against their capacity (their answer, else the program default).
 * - atRisk (snapshot now): active pairs with an open flag (low rating, did not meet, no
 *   session, no first contact), plus what the data shows without a flag: no held session
 *   for longer than the program's cadence and nothing booked (no-session), and a mentor
 *   who has neither contacted nor met the mentee 7 days after the match (no-first-contact).
 *   A computed reason is not repeated once a flag for it was raised since (an admin who
 *   resolved that flag has seen it).
 * - series: held and missed/cancelled sessions per ISO week (Monday), registrations per
 *   week, average rating per calendar month (by the session's start), zero-filled.
 */
import { FIRST_CONTACT_DAYS } from './sessions';

export const DAY_MS = 24 * 60 * 60 * 1000;
/** With no range asked for: the last 26 weeks, today included. */
export const DEFAULT_RANGE_DAYS = 182;
/** Longest range a request may ask for (series stay a few hundred points). */
export const MAX_RANGE_DAYS = 3 * 366;
/** How many at-risk pairs a health answer lists (the count covers all). */
export const AT_RISK_LISTED = 100;

export type RiskReason = 'low-rating' | 'did-not-meet' | 'no-session' | 'no-first-contact';
export const riskReasons: RiskReason[] = ['low-rating', 'did-not-meet', 'no-session', 'no-first-contact'];

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
}

export interface PersonRef {
  personId: string;
  name: string;
}

export interface RiskItem {
  reason: RiskReason;
  /** 'flag': an open pair flag (resolvable); 'computed': what the data shows now. */
  source: 'flag' | 'computed';
  flagId: string | null;
  /** When the flag was raised, or since when the computed condition holds. */
  since: string;
  sessionId: string | null;
}

export type RiskAction =
  | { kind: 'resolve-flag'; flagId: string; method: 'POST'; path: string }
  | { kind: 'nudge-pair'; method: 'POST'; path: string }
  | { kind: 're-match'; method: 'POST'; path: string };

export interface PairAtRisk {
  relationshipId: string;
  mentor: PersonRef;
  mentee: PersonRef;
  startedAt: string;
  lastHeldSessionAt: string | null;
  reasons: RiskItem[];
  actions: RiskAction[];
}

export interface MentorLoad {
  mentors: number;
  /** How many mentors have 0, 1, 2... current mentees. */
  distribution: { mentees: number; mentors: number }[];
  totalCapacity: number;
  /** Current mentees over all mentors. */
  totalMentees: number;
  /** totalMentees / totalCapacity; null without capacity. */
  utilisation: number | null;
  /** Mentors at their capacity (or above it). */
  full: number;
  /** Mentors above their capacity (an admin override, or a lowered capacity). */
  overCapacity: number;
  /** Mentors with no mentee. */
  idle: number;
}

export interface ProgramHealth {
  programId: string;
  range: DateRange;
  generatedAt: string;
  registrations: {
    inRange: { mentor: number; mentee: number; both: number; total: number };
    withdrawnInRange: number;
    active: { mentors: number; mentees: number; total: number };
  };
  matchRate: { matchedMentees: number; activeMentees: number; rate: number | null };
  timeToMatch: { medianDays: number | null; mentees: number };
  proposals: { pending: number; acceptedInRange: number; declinedInRange: number; expiredInRange: number };
  pairs: { active: number; paused: number; startedInRange: number; endedInRange: number; activeInRange: number };
  sessions: {
    held: number;
    missed: number;
    cancelled: number;
    scheduled: number;
    proposed: number;
    heldPerPair: number | null;
  };
  attendance: {
    held: number;
    missed: number;
    cancelled: number;
    rate: number | null;
    calendarResponses: Record<string, number>;
  };
  rating: {
    average: number | null;
    count: number;
    byScore: Record<'1' | '2' | '3' | '4' | '5', number>;
    byMentors: number | null;
    byMentees: number | null;
  };
  goals: { total: number; done: number; inProgress: number; notStarted: number; dropped: number; completion: number | null };
  mentorLoad: MentorLoad;
  atRisk: { total: number; byReason: Record<RiskReason, number>; pairs: PairAtRisk[] };
  series: {
    sessionsPerWeek: { week: string; held: number; missedOrCancelled: number }[];
    registrationsPerWeek: { week: string; mentors: number; mentees: number }[];
    ratingPerMonth: { month: string; average: number | null; count: number }[];
  };
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD that is a real calendar day; undefined otherwise. */
export function parseDay(text: string): Date | undefined {
  if (!DAY_PATTERN.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || dayOf(date) !== text ? undefined : date;
}

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The range in instants: from its first midnight (UTC) to the midnight after its last day. */
export function rangeBounds(range: DateRange): { start: Date; end: Date } {
  return { start: parseDay(range.from)!, end: new Date(parseDay(range.to)!.getTime() + DAY_MS) };
}

export type RangeProblem = { field: 'from' | 'to'; reason: string };

/** The asked range, or the default one ending today; a problem names the parameter at fault. */
export function resolveRange(asked: { from?: string; to?: string }, now: Date): DateRange | RangeProblem {
  const to = asked.to === undefined ? new Date(`${dayOf(now)}T00:00:00Z`) : parseDay(asked.to);
  if (!to) return { field: 'to', reason: 'must be a date as YYYY-MM-DD' };
  const from = asked.from === undefined ? new Date(to.getTime() - (DEFAULT_RANGE_DAYS - 1) * DAY_MS) : parseDay(asked.from);
  if (!from) return { field: 'from', reason: 'must be a date as YYYY-MM-DD' };
  if (from > to) return { field: 'from', reason: 'must not be after to' };
  if ((to.getTime() - from.getTime()) / DAY_MS + 1 > MAX_RANGE_DAYS) {
    return { field: 'from', reason: `the range may span at most ${MAX_RANGE_DAYS} days` };
  }
  return { from: dayOf(from), to: dayOf(to) };
}

/** The Monday (UTC) of the week a day is in, as YYYY-MM-DD: Postgres' date_trunc('week'). */
export function weekOf(date: Date): string {
  const day = (date.getUTCDay() + 6) % 7;
  return dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day)));
}

/** Every week (its Monday) that overlaps the range, in order. */
export function weeksOf(range: DateRange): string[] {
  const { start, end } = rangeBounds(range);
  const weeks: string[] = [];
  for (let t = parseDay(weekOf(start))!.getTime(); t < end.getTime(); t += 7 * DAY_MS) weeks.push(dayOf(new Date(t)));
  return weeks;
}

/** Every calendar month (YYYY-MM) that overlaps the range, in order. */
export function monthsOf(range: DateRange): string[] {
  const { start, end } = rangeBounds(range);
  const months: string[] = [];
  for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth(); Date.UTC(Math.floor(m / 12), m % 12, 1) < end.getTime(); m++) {
    months.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** A series with a point for every key, zero (or `empty`) where the data has none. */
export function fillSeries<K extends string, T>(keys: string[], rows: Map<string, T>, empty: () => T, key: K): (Record<K, string> & T)[] {
  return keys.map((k) => ({ [key]: k, ...(rows.get(k) ?? empty()) }) as Record<K, string> & T);
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Mentor load from (current mentees, capacity, how many mentors) groups. */
export function mentorLoadOf(groups: { mentees: number; capacity: number; mentors: number }[]): MentorLoad {
  const byMentees = new Map<number, number>();
  let mentors = 0;
  let totalCapacity = 0;
  let totalMentees = 0;
  let full = 0;
  let overCapacity = 0;
  for (const g of groups) {
    mentors += g.mentors;
    totalCapacity += g.capacity * g.mentors;
    totalMentees += g.mentees * g.mentors;
    if (g.mentees >= g.capacity) full += g.mentors;
    if (g.mentees > g.capacity) overCapacity += g.mentors;
    byMentees.set(g.mentees, (byMentees.get(g.mentees) ?? 0) + g.mentors);
  }
  const most = Math.max(0, ...byMentees.keys());
  const distribution = Array.from({ length: most + 1 }, (_, mentees) => ({ mentees, mentors: byMentees.get(mentees) ?? 0 }));
  return {
    mentors,
    distribution,
    totalCapacity,
    totalMentees,
    utilisation: ratio(totalMentees, totalCapacity),
    full,
    overCapacity,
    idle: byMentees.get(0) ?? 0,
  };
}

/** What an active pair's record says about it, for the computed risk reasons. */
export interface PairActivity {
  startedAt: Date;
  mentorFirstContactAt: Date | null;
  lastHeldAt: Date | null;
  /** Any session at all (booked, proposed, held, missed or cancelled). */
  anySession: boolean;
  /** A proposed or scheduled session that has not ended yet. */
  upcoming: boolean;
  /** When each reason was last flagged for this pair (open or resolved). */
  lastFlagged: Partial<Record<RiskReason, Date>>;
}

/** Risk reasons the data shows without a flag, with since when each holds. */
export function computedRisks(pair: PairActivity, cadenceDays: number, now: Date): { reason: RiskReason; since: Date }[] {
  const found: { reason: RiskReason; since: Date }[] = [];
  const flaggedSince = (reason: RiskReason, since: Date) => (pair.lastFlagged[reason] ?? new Date(0)) >= since;

  const firstContactDue = new Date(pair.startedAt.getTime() + FIRST_CONTACT_DAYS * DAY_MS);
  if (!pair.mentorFirstContactAt && !pair.anySession && now >= firstContactDue && !flaggedSince('no-first-contact', pair.startedAt)) {
    found.push({ reason: 'no-first-contact', since: firstContactDue });
  }
  const lastMet = pair.lastHeldAt ?? pair.startedAt;
  const sessionDue = new Date(lastMet.getTime() + cadenceDays * DAY_MS);
  if (!pair.upcoming && now >= sessionDue && !flaggedSince('no-session', lastMet)) {
    found.push({ reason: 'no-session', since: sessionDue });
  }
  return found;
}

/**
 * What an admin can do about a pair at risk: resolve each open flag, nudge the
 * pair (both people get the nudge card now, once a day), or re-match the mentee
 * (the participants API's rematch: it ends the pair and proposes the next best mentor).
 */
export function riskActions(programId: string, relationshipId: string, menteePersonId: string, reasons: RiskItem[]): RiskAction[] {
  const resolve: RiskAction[] = reasons
    .filter((r): r is RiskItem & { flagId: string } => r.flagId !== null)
    .map((r) => ({ kind: 'resolve-flag', flagId: r.flagId, method: 'POST', path: `/api/v1/programs/${programId}/flags/${r.flagId}/resolve` }));
  // A pair that never got going or rates its sessions poorly may need another mentor; any pair can be nudged.
  const rematch = reasons.some((r) => r.reason === 'low-rating' || r.reason === 'no-first-contact');
  const rematchAction: RiskAction = { kind: 're-match', method: 'POST', path: `/api/v1/programs/${programId}/participants/${menteePersonId}/rematch` };
  const nudge: RiskAction = { kind: 'nudge-pair', method: 'POST', path: `/api/v1/programs/${programId}/pairs/${relationshipId}/nudge` };
  return [...resolve, nudge, ...(rematch ? [rematchAction] : [])];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type SessionStatus = 'proposed' | 'scheduled' | 'held' | 'cancelled' | 'missed';

/**
 * Sessions counted by week, status, whether due and their attendees' responses, folded into the
 * session and attendance figures (calendar responses: every response on the due sessions) and the
 * weekly series.
 */
export function sessionFiguresOf(
  rows: { week: string; status: SessionStatus; due: boolean; responses?: string[]; count: number }[],
  pairsActiveInRange: number,
  weeks: string[],
): { sessions: ProgramHealth['sessions']; attendance: ProgramHealth['attendance']; perWeek: ProgramHealth['series']['sessionsPerWeek'] } {
  const total: Record<SessionStatus, number> = { proposed: 0, scheduled: 0, held: 0, cancelled: 0, missed: 0 };
  const due = { held: 0, missed: 0, cancelled: 0 };
  const calendarResponses: Record<string, number> = {};
  const byWeek = new Map<string, { held: number; missedOrCancelled: number }>();
  for (const r of rows) {
    total[r.status] += r.count;
    if (r.due && (r.status === 'held' || r.status === 'missed' || r.status === 'cancelled')) due[r.status] += r.count;
    if (r.due) for (const response of r.responses ?? []) calendarResponses[response] = (calendarResponses[response] ?? 0) + r.count;
    const week = byWeek.get(r.week) ?? { held: 0, missedOrCancelled: 0 };
    if (r.status === 'held') week.held += r.count;
    if (r.status === 'missed' || r.status === 'cancelled') week.missedOrCancelled += r.count;
    byWeek.set(r.week, week);
  }
  return {
    sessions: { ...total, heldPerPair: ratio(total.held, pairsActiveInRange) },
    attendance: { ...due, rate: ratio(due.held, due.held + due.missed + due.cancelled), calendarResponses },
    perWeek: fillSeries(weeks, byWeek, () => ({ held: 0, missedOrCancelled: 0 }), 'week'),
  };
}

/** Ratings counted by month, score and the rater's side, folded into the rating figures and the monthly series. */
export function ratingFiguresOf(
  rows: { month: string; score: number; by_mentor: boolean; count: number }[],
  months: string[],
): { rating: ProgramHealth['rating']; perMonth: ProgramHealth['series']['ratingPerMonth'] } {
  const byScore: ProgramHealth['rating']['byScore'] = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  const sums = { all: [0, 0], mentors: [0, 0], mentees: [0, 0] };
  const byMonth = new Map<string, [number, number]>();
  for (const r of rows) {
    const key = String(r.score) as keyof typeof byScore;
    if (key in byScore) byScore[key] += r.count;
    for (const bucket of [sums.all, r.by_mentor ? sums.mentors : sums.mentees]) {
      bucket[0]! += r.score * r.count;
      bucket[1]! += r.count;
    }
    const month = byMonth.get(r.month) ?? [0, 0];
    byMonth.set(r.month, [month[0] + r.score * r.count, month[1] + r.count]);
  }
  const average = ([sum, n]: number[]) => ratio(sum!, n!);
  return {
    rating: { average: average(sums.all), count: sums.all[1]!, byScore, byMentors: average(sums.mentors), byMentees: average(sums.mentees) },
    perMonth: months.map((month) => {
      const [sum, n] = byMonth.get(month) ?? [0, 0];
      return { month, average: ratio(sum, n), count: n };
    }),
  };
}

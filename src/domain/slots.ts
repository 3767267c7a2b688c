import { utcToZoned } from './localTime';
import type { Interval, WorkingHours } from './sessions';
import { type DatedPeriod, datedPeriodsFrom, datedPeriodsIn, workingPeriods } from './workingHours';

/**
 * Finding session times a pair can both make.
 *
 * A slot qualifies when it lies wholly inside one working period of every
 * person (each in their own zone, so a daylight-saving change on either side
 * moves the instants, never the wall-clock hours) and overlaps nobody's busy
 * time. Candidate starts fall on the first person's wall clock at multiples of
 * the step from local midnight (:00 and :30 by default), at or after `from`.
 *
 * Ranking, strongest rule first:
 * 1. different days: the first slot of each day comes before a second slot on
 *    any day, because someone with a full week wants a choice of days more
 *    than a choice of hours. A day is one of the first person's working days,
 *    named by the date it starts on (so a night shift is one day, not two);
 * 2. earlier days: days are filled in date order, so the pair meets soon;
 * 3. comfort: within a day, a slot at least half an hour from the start and
 *    the end of everyone's working period beats one that opens or closes
 *    somebody's day;
 * 4. earlier in the day.
 * Offered slots never overlap one another (two times an hour apart are a
 * choice; 10:00 and 10:30 for an hour are barely one), and they come back
 * earliest first.
 */

export interface SlotSearch {
  /** Each participant's busy times and working hours (use defaultWorkingHours(zone) when unknown). */
  people: { busy: Interval[]; workingHours: WorkingHours }[];
  /** Search from here (e.g. now + a few hours, or the cadence's due date). */
  from: Date;
  /** Working days to look ahead, counted in the first person's working week (SLOT_SEARCH_WORKING_DAYS = 10). */
  workingDays: number;
  minutes: number;
  /** How many slots (SLOTS_OFFERED = 3). */
  count: number;
  /** Candidate starts are aligned to this many minutes (default 30). */
  stepMinutes?: number;
}

const MINUTE_MS = 60_000;
/** How far inside everyone's working day a slot must be to count as comfortable. */
const COMFORT_MS = 30 * MINUTE_MS;

/**
 * The search window [from, end of the last working day) for a search; the
 * calendar is asked for busy times within it. The working days are the first
 * person's, counting today when some of today's working time is still ahead.
 * Empty (start = end) when there is nobody, or the first person has no
 * working time.
 */
export function searchWindow(search: Pick<SlotSearch, 'from' | 'workingDays' | 'people'>): Interval {
  const start = new Date(search.from);
  const first = search.people[0];
  if (!first || !(search.workingDays >= 1)) return { start, end: new Date(start) };
  const days = datedPeriodsFrom(first.workingHours, search.from, Math.floor(search.workingDays));
  const last = days[days.length - 1];
  return { start, end: last ? new Date(last.end) : new Date(start) };
}

/** The best `count` slots, earliest first; fewer (or none) when the calendars leave no common time. */
export function findSlots(search: SlotSearch): Interval[] {
  const { people, minutes, count } = search;
  const step = search.stepMinutes ?? 30;
  const first = people[0];
  if (!first || !(minutes > 0) || !(count >= 1) || !(step > 0)) return [];
  const window = searchWindow(search);
  if (!(window.end > window.start)) return [];

  const periods = people.map((p) => workingPeriods(p.workingHours, window));
  let free: Interval[] = [window];
  for (const own of periods) free = intersect(free, own);
  free = subtract(free, merge(people.flatMap((p) => p.busy)));

  const length = minutes * MINUTE_MS;
  const zone = first.workingHours.timeZone;
  const firstDays = datedPeriodsIn(first.workingHours, window);
  const days = new Map<string, { slot: Interval; comfortable: boolean }[]>();
  for (const gap of free) {
    for (let t = alignUp(gap.start, step, zone); t + length <= gap.end.getTime(); t += step * MINUTE_MS) {
      const slot = { start: new Date(t), end: new Date(t + length) };
      const comfortable = periods.every((own) => isComfortable(slot, own));
      const day = dayOf(slot, firstDays) ?? utcToZoned(slot.start, zone).date;
      const list = days.get(day) ?? [];
      list.push({ slot, comfortable });
      days.set(day, list);
    }
  }

  // Each day's candidates, best first; the sort is stable, so earlier stays first among equals.
  const ranked = [...days.keys()].sort().map((day) => days.get(day)!.sort((a, b) => Number(b.comfortable) - Number(a.comfortable)));
  const chosen: Interval[] = [];
  for (let progress = true; progress && chosen.length < count; ) {
    progress = false;
    for (const day of ranked) {
      if (chosen.length >= count) break;
      const pick = day.find((c) => !chosen.some((s) => overlaps(s, c.slot)));
      if (pick) {
        chosen.push(pick.slot);
        progress = true;
      }
    }
  }
  return chosen.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The first instant at or after `at` on a step boundary of the zone's wall clock, counted from local midnight. */
function alignUp(at: Date, stepMinutes: number, timeZone: string): number {
  const [hour, minute] = utcToZoned(at, timeZone).time.split(':').map(Number) as [number, number];
  const ms = at.getTime();
  // Measured on the wall clock, not from the instant of midnight: on a change day the two differ by the shift.
  const sinceMidnight = (hour * 60 + minute) * MINUTE_MS + (((ms % MINUTE_MS) + MINUTE_MS) % MINUTE_MS);
  const stepMs = stepMinutes * MINUTE_MS;
  return ms - sinceMidnight + Math.ceil(sinceMidnight / stepMs) * stepMs;
}

/** The date of the first person's working day a slot starts in: the last of their periods begun by then. */
function dayOf(slot: Interval, firstDays: DatedPeriod[]): string | undefined {
  let date: string | undefined;
  for (const period of firstDays) {
    if (period.start > slot.start) break;
    date = period.date;
  }
  return date;
}

function isComfortable(slot: Interval, periods: Interval[]): boolean {
  const period = periods.find((p) => p.start <= slot.start && slot.end <= p.end);
  return (
    period !== undefined &&
    slot.start.getTime() - period.start.getTime() >= COMFORT_MS &&
    period.end.getTime() - slot.end.getTime() >= COMFORT_MS
  );
}

function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The valid intervals, sorted and with overlapping or touching ones joined. */
function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => i.end.getTime() > i.start.getTime())
    .map((i) => ({ start: i.start.getTime(), end: i.end.getTime() }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged.map((i) => ({ start: new Date(i.start), end: new Date(i.end) }));
}

/** Where two sorted lists of disjoint intervals overlap. */
function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start.getTime(), y.start.getTime());
    const end = Math.min(x.end.getTime(), y.end.getTime());
    if (start < end) out.push({ start: new Date(start), end: new Date(end) });
    if (x.end <= y.end) i += 1;
    else j += 1;
  }
  return out;
}

/** Sorted disjoint free intervals with sorted disjoint busy intervals cut out. */
function subtract(free: Interval[], busy: Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const gap of free) {
    let start = gap.start.getTime();
    const end = gap.end.getTime();
    for (const b of busy) {
      if (b.end.getTime() <= start) continue;
      if (b.start.getTime() >= end) break;
      if (b.start.getTime() > start) out.push({ start: new Date(start), end: new Date(b.start) });
      start = Math.max(start, b.end.getTime());
    }
    if (start < end) out.push({ start: new Date(start), end: new Date(end) });
  }
  return out;
}

import { addDays, isKnownTimeZone, parseTime, utcToZoned, weekdayOf, zonedToUtcShiftingGaps } from './localTime';
import type { Interval, WorkingHours } from './sessions';

/**
 * A person's working time as instants. Rules, in the person's own zone:
 * - a working day's period runs from startTime (inclusive) to endTime
 *   (exclusive) on that date;
 * - an endTime at or before startTime means the period runs past midnight
 *   into the next date (a night shift; "09:00"–"00:00" ends at midnight;
 *   equal times mean the whole 24 hours from startTime);
 * - a start or end inside a spring-forward gap moves forward as the clock
 *   does, and an ambiguous autumn time takes its earlier instant, so periods
 *   keep their wall-clock times on both sides of a daylight-saving change;
 * - hours without working days, with unreadable times or with an unknown zone
 *   have no working time at all.
 */

const DAY_MINUTES = 24 * 60;

/** One working date's period, before neighbouring periods are joined. */
export interface DatedPeriod extends Interval {
  /** The local "YYYY-MM-DD" the period starts on. */
  date: string;
}

interface ReadHours {
  timeZone: string;
  days: Set<number>;
  start: number;
  /** Minutes after the start date's midnight; past DAY_MINUTES for a night shift. */
  end: number;
}

function readHours(hours: WorkingHours): ReadHours | undefined {
  const start = parseTime(hours.startTime);
  const endOfDay = parseTime(hours.endTime);
  const days = new Set(hours.days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
  if (start === undefined || endOfDay === undefined || days.size === 0 || !isKnownTimeZone(hours.timeZone)) {
    return undefined;
  }
  return { timeZone: hours.timeZone, days, start, end: endOfDay > start ? endOfDay : endOfDay + DAY_MINUTES };
}

function periodOn(date: string, read: ReadHours): DatedPeriod | undefined {
  if (!read.days.has(weekdayOf(date))) return undefined;
  const start = zonedToUtcShiftingGaps(date, read.start, read.timeZone);
  const endDate = read.end >= DAY_MINUTES ? addDays(date, 1) : date;
  const end = zonedToUtcShiftingGaps(endDate, read.end % DAY_MINUTES, read.timeZone);
  // A period wholly inside a gap (02:00–03:00 on a change day) has no length.
  if (!start || !end || end <= start) return undefined;
  return { date, start, end };
}

/**
 * The person's working periods, one per working date, that end after `from`,
 * in order, as many as `limit` (scanning at most a year ahead).
 */
export function datedPeriodsFrom(hours: WorkingHours, from: Date, limit: number): DatedPeriod[] {
  const read = readHours(hours);
  const found: DatedPeriod[] = [];
  if (!read || limit <= 0 || Number.isNaN(from.getTime())) return found;
  // Yesterday's night shift may still be running at `from`.
  let date = addDays(utcToZoned(from, read.timeZone).date, -1);
  for (let scanned = 0; scanned < 370 && found.length < limit; scanned += 1, date = addDays(date, 1)) {
    const period = periodOn(date, read);
    if (period && period.end > from) found.push(period);
  }
  return found;
}

/** The person's working periods, one per working date, that overlap `window`, in order and unclipped. */
export function datedPeriodsIn(hours: WorkingHours, window: Interval): DatedPeriod[] {
  const read = readHours(hours);
  if (!read || !(window.end > window.start)) return [];
  const periods: DatedPeriod[] = [];
  const last = utcToZoned(window.end, read.timeZone).date;
  for (let date = addDays(utcToZoned(window.start, read.timeZone).date, -1); date <= last; date = addDays(date, 1)) {
    const period = periodOn(date, read);
    if (period && period.end > window.start && period.start < window.end) periods.push(period);
  }
  return periods;
}

/**
 * The person's working time that overlaps `window`, as disjoint periods in
 * order (unclipped; periods that touch, as with round-the-clock hours, are
 * joined).
 */
export function workingPeriods(hours: WorkingHours, window: Interval): Interval[] {
  const periods: Interval[] = [];
  for (const period of datedPeriodsIn(hours, window)) {
    const previous = periods[periods.length - 1];
    if (previous && previous.end >= period.start) {
      if (period.end > previous.end) previous.end = period.end;
    } else {
      periods.push({ start: period.start, end: period.end });
    }
  }
  return periods;
}

/** True when `at` falls on a working day within the person's working hours, in their zone. */
export function isWithinWorkingHours(at: Date, hours: WorkingHours): boolean {
  if (Number.isNaN(at.getTime())) return false;
  const [period] = datedPeriodsFrom(hours, at, 1);
  return period !== undefined && period.start <= at;
}

/**
 * `at` itself when within working hours, else the start of the person's next
 * working period. Hours with no working time at all (see above) give `at`
 * back: there is nothing to wait for, and a caller holding a message should
 * send it rather than hold it forever.
 */
export function nextWorkingMoment(at: Date, hours: WorkingHours): Date {
  if (Number.isNaN(at.getTime())) return at;
  const [period] = datedPeriodsFrom(hours, at, 1);
  if (!period || period.start <= at) return at;
  return new Date(period.start);
}

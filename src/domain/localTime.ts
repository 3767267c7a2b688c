/**
 * Wall-clock time in IANA zones, with nothing but Intl: converting between an
 * instant and a zone's date and time, including the hour that does not exist
 * in spring and the hour that happens twice in autumn.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Formatters are costly to build and the slot finder asks thousands of times a search. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // h23, not hour12: false, which gives "24" at midnight on some ICU versions.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True for a zone the runtime knows (IANA names, and the aliases Intl accepts). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

/** The zone's offset from UTC at an instant, in milliseconds east. */
function offsetMs(ms: number, timeZone: string): number {
  const c = wallClock(ms, timeZone);
  const wallAsUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return wallAsUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A calendar date as "YYYY-MM-DD", from its UTC-midnight milliseconds. */
function isoDate(dayMs: number): string {
  return new Date(dayMs).toISOString().slice(0, 10);
}

/** Milliseconds at UTC midnight of a "YYYY-MM-DD" date, or undefined when it is not a real date. */
export function parseDate(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  return isoDate(ms) === date ? ms : undefined;
}

/**
 * Minutes after midnight of an "HH:MM" time, or undefined. Seconds are
 * tolerated and dropped because Graph's mailbox settings say "08:00:00.0000000".
 */
export function parseTime(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(time);
  if (!match) return undefined;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return undefined;
  return hour * 60 + minute;
}

/** The calendar date `days` after a "YYYY-MM-DD" date (which must be valid). */
export function addDays(date: string, days: number): string {
  return isoDate((parseDate(date) ?? NaN) + days * DAY_MS);
}

/** 0 = Sunday, for a valid "YYYY-MM-DD" date; the weekday of a date does not depend on the zone. */
export function weekdayOf(date: string): number {
  return new Date(parseDate(date) ?? NaN).getUTCDay();
}

/**
 * Every instant whose wall clock in the zone reads this date and minute of the
 * day: none in a spring-forward gap, two in a fall-back overlap, else one.
 */
function instantsOf(dayMs: number, minuteOfDay: number, timeZone: string): number[] {
  const naive = dayMs + minuteOfDay * MINUTE_MS;
  // A zone changes offset at most once in any couple of days, so the offsets a
  // day either side cover both sides of any change near this wall time.
  const offsets = new Set([offsetMs(naive - DAY_MS, timeZone), offsetMs(naive, timeZone), offsetMs(naive + DAY_MS, timeZone)]);
  const found: number[] = [];
  for (const offset of offsets) {
    const candidate = naive - offset;
    const c = wallClock(candidate, timeZone);
    const reads = Date.UTC(c.year, c.month - 1, c.day) === dayMs && c.hour * 60 + c.minute === minuteOfDay;
    if (reads && !found.includes(candidate)) found.push(candidate);
  }
  return found.sort((a, b) => a - b);
}

/**
 * The UTC instant of a wall-clock date and time in a zone; undefined for a
 * time that does not exist (spring-forward gap) or bad input. Ambiguous
 * (fall-back) times take the earlier instant.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date | undefined {
  const dayMs = parseDate(date);
  const minuteOfDay = /^\d{2}:\d{2}$/.test(time) ? parseTime(time) : undefined;
  if (dayMs === undefined || minuteOfDay === undefined || !isKnownTimeZone(timeZone)) return undefined;
  const first = instantsOf(dayMs, minuteOfDay, timeZone)[0];
  return first === undefined ? undefined : new Date(first);
}

/**
 * Like zonedToUtc, but a time in a spring-forward gap moves forward by the
 * gap's length (02:30 on the US change day becomes 03:30 daylight time), as
 * a clock on the wall would. For working hours, where a day must still start.
 * Undefined only for bad input.
 */
export function zonedToUtcShiftingGaps(date: string, minuteOfDay: number, timeZone: string): Date | undefined {
  const dayMs = parseDate(date);
  if (dayMs === undefined || !isKnownTimeZone(timeZone)) return undefined;
  const first = instantsOf(dayMs, minuteOfDay, timeZone)[0];
  if (first !== undefined) return new Date(first);
  // In a gap: read the wall time with the offset in force before the change.
  const naive = dayMs + minuteOfDay * MINUTE_MS;
  return new Date(naive - offsetMs(naive - DAY_MS, timeZone));
}

/**
 * Wall-clock parts of an instant in a zone. Throws a RangeError for a zone the
 * runtime does not know or an invalid Date, as Intl does.
 */
export function utcToZoned(at: Date, timeZone: string): { date: string; time: string; weekday: number } {
  const c = wallClock(at.getTime(), timeZone);
  const dayMs = Date.UTC(c.year, c.month - 1, c.day);
  return { date: isoDate(dayMs), time: `${pad(c.hour)}:${pad(c.minute)}`, weekday: new Date(dayMs).getUTCDay() };
}

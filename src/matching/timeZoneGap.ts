/**
 * Hours between two IANA time zones, as matching counts them: the gap between
 * standard-time offsets (the ones the registration card's titles show), so a
 * score never changes with the season; daylight saving moves a real gap by at
 * most an hour for part of the year. The gap runs around the clock (Honolulu
 * and Auckland are 2 h apart, a day apart on the calendar), since what matters
 * is whether working hours meet.
 */

import { utcOffset } from '../domain/timeZones';

const JANUARY = new Date(Date.UTC(2025, 0, 15, 12));
const JULY = new Date(Date.UTC(2025, 6, 15, 12));
const standardOffsets = new Map<string, number | undefined>();

/** Hours east of UTC outside daylight saving, or undefined for a zone the runtime does not know. */
export function standardOffsetHours(ianaZone: string): number | undefined {
  if (standardOffsets.has(ianaZone)) return standardOffsets.get(ianaZone);
  const january = utcOffset(ianaZone, JANUARY);
  const july = utcOffset(ianaZone, JULY);
  // Daylight saving only ever adds time, so the smaller offset is standard time, in either hemisphere.
  const offset = january === undefined || july === undefined ? undefined : Math.min(january, july) / 60;
  standardOffsets.set(ianaZone, offset);
  return offset;
}

/** Hours apart on the clock, 0..12. */
export function timeZoneGapHours(offsetA: number, offsetB: number): number {
  const gap = Math.abs(offsetA - offsetB) % 24;
  return Math.min(gap, 24 - gap);
}

/** "7", "5.5": hours as people write them. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

/**
 * Graph's dateTimeTimeZone ({ dateTime: "2026-03-02T15:00:00.0000000",
 * timeZone: "UTC" }) to and from instants. Tandem always sends UTC and asks
 * for UTC back; a local wall time in another zone is still converted rather
 * than misread, in case a mailbox answers in its own zone anyway.
 */
import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { utcOffset } from '../domain/timeZones';
import { ianaTimeZone } from './windowsTimeZones';

/** An instant as Graph takes it: UTC wall time without an offset, and the zone named beside it. */
export function toGraphDateTime(instant: Date): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: instant.toISOString().slice(0, 19), timeZone: 'UTC' };
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?$/;
const UTC_NAMES = new Set(['utc', 'etc/utc', 'coordinated universal time', 'tzone://microsoft/utc', 'gmt']);

/** The instant a Graph dateTimeTimeZone names, or undefined when its zone or format is not one we can read. */
export function fromGraphDateTime(value: DateTimeTimeZone | null | undefined): Date | undefined {
  const match = value?.dateTime ? WALL_TIME.exec(value.dateTime.trim()) : null;
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((fraction ?? '0').padEnd(3, '0').slice(0, 3)));
  const zone = (value?.timeZone ?? 'UTC').trim();
  if (UTC_NAMES.has(zone.toLowerCase())) return new Date(wall);
  const iana = ianaTimeZone(zone);
  if (!iana) return undefined;
  // The offset at the wall time itself; a second pass settles the hour around a DST change.
  const first = utcOffset(iana, new Date(wall));
  if (first === undefined) return undefined;
  const second = utcOffset(iana, new Date(wall - first * 60_000)) ?? first;
  return new Date(wall - second * 60_000);
}

import type { ChoiceOption } from './questionnaire';

/**
 * The time zones offered on the registration card: one per region people
 * recognise, rather than all of IANA's 400, so the list stays short on a phone.
 */
export const timeZoneOptions: ChoiceOption[] = [
  ['Pacific/Honolulu', '(UTC-10) Honolulu'],
  ['America/Anchorage', '(UTC-09) Anchorage'],
  ['America/Los_Angeles', '(UTC-08) Pacific Time: Los Angeles, Vancouver'],
  ['America/Denver', '(UTC-07) Mountain Time: Denver, Calgary'],
  ['America/Chicago', '(UTC-06) Central Time: Chicago, Mexico City'],
  ['America/New_York', '(UTC-05) Eastern Time: New York, Toronto'],
  ['America/Halifax', '(UTC-04) Atlantic Time: Halifax'],
  ['America/Sao_Paulo', '(UTC-03) São Paulo, Buenos Aires'],
  ['Atlantic/Azores', '(UTC-01) Azores'],
  ['Europe/London', '(UTC+00) London, Dublin, Lisbon'],
  ['Europe/Berlin', '(UTC+01) Berlin, Paris, Madrid, Warsaw'],
  ['Africa/Lagos', '(UTC+01) Lagos'],
  ['Europe/Athens', '(UTC+02) Athens, Bucharest, Helsinki'],
  ['Africa/Johannesburg', '(UTC+02) Johannesburg, Cairo'],
  ['Europe/Istanbul', '(UTC+03) Istanbul, Riyadh, Nairobi'],
  ['Asia/Dubai', '(UTC+04) Dubai'],
  ['Asia/Karachi', '(UTC+05) Karachi'],
  ['Asia/Kolkata', '(UTC+05:30) India'],
  ['Asia/Dhaka', '(UTC+06) Dhaka'],
  ['Asia/Bangkok', '(UTC+07) Bangkok, Jakarta, Ho Chi Minh City'],
  ['Asia/Singapore', '(UTC+08) Singapore, Beijing, Perth'],
  ['Asia/Tokyo', '(UTC+09) Tokyo, Seoul'],
  ['Australia/Sydney', '(UTC+10) Sydney, Melbourne'],
  ['Pacific/Auckland', '(UTC+12) Auckland'],
].map(([value, title]) => ({ value: value!, title: title! }));

/**
 * The offered zone for a Teams client's IANA zone: the zone itself when we offer
 * it, otherwise the first offered zone on the same UTC offset right now
 * (Europe/Paris → Europe/Berlin, Etc/UTC → Europe/London in winter).
 */
export function offeredTimeZone(ianaZone: string | undefined, now: Date = new Date()): string | undefined {
  if (!ianaZone) return undefined;
  const exact = timeZoneOptions.find((o) => o.value === ianaZone);
  if (exact) return exact.value;
  const offset = utcOffset(ianaZone, now);
  if (offset === undefined) return undefined;
  return timeZoneOptions.find((o) => utcOffset(o.value, now) === offset)?.value;
}

/** Minutes east of UTC, or undefined for a zone the runtime does not know. */
export function utcOffset(ianaZone: string, at: Date): number | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: ianaZone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name);
    if (!match) return undefined;
    if (!match[1]) return 0;
    const minutes = Number(match[2]) * 60 + Number(match[3]);
    return match[1] === '-' ? -minutes : minutes;
  } catch {
    return undefined;
  }
}

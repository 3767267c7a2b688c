import fc from 'fast-check';
import { utcToZoned, zonedToUtc } from '../../src/domain/localTime';

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

describe('utcToZoned', () => {
  it('gives the wall clock and weekday in the zone, half-hour zones included', () => {
    expect(utcToZoned(new Date('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toEqual({ date: '2026-01-15', time: '17:30', weekday: 4 });
    expect(utcToZoned(new Date('2026-01-15T12:00:00Z'), 'America/Los_Angeles')).toEqual({ date: '2026-01-15', time: '04:00', weekday: 4 });
  });

  it('puts an instant near midnight on the right date on each side', () => {
    const at = new Date('2026-01-15T23:30:00Z');
    expect(utcToZoned(at, 'America/New_York')).toEqual({ date: '2026-01-15', time: '18:30', weekday: 4 });
    expect(utcToZoned(at, 'Europe/Berlin')).toEqual({ date: '2026-01-16', time: '00:30', weekday: 5 });
    expect(utcToZoned(new Date('2026-01-16T00:00:00Z'), 'Europe/London')).toEqual({ date: '2026-01-16', time: '00:00', weekday: 5 });
  });

  it('follows daylight saving', () => {
    expect(utcToZoned(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin').time).toBe('14:00');
    expect(utcToZoned(new Date('2026-07-15T12:00:00Z'), 'America/New_York').time).toBe('08:00');
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => utcToZoned(new Date('2026-01-15T12:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('zonedToUtc', () => {
  it('converts ordinary times in winter and summer', () => {
    expect(iso(zonedToUtc('2026-01-15', '09:00', 'America/New_York'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(zonedToUtc('2026-07-15', '09:00', 'America/New_York'))).toBe('2026-07-15T13:00:00.000Z');
    expect(iso(zonedToUtc('2026-01-15', '09:00', 'Asia/Kolkata'))).toBe('2026-01-15T03:30:00.000Z');
    expect(iso(zonedToUtc('2026-01-01', '00:30', 'Europe/Berlin'))).toBe('2025-12-31T23:30:00.000Z');
  });

  it('has no instant for a time in the spring-forward gap (US 2026-03-08, EU 2026-03-29)', () => {
    expect(zonedToUtc('2026-03-08', '02:00', 'America/New_York')).toBeUndefined();
    expect(zonedToUtc('2026-03-08', '02:30', 'America/New_York')).toBeUndefined();
    expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Berlin')).toBeUndefined();
    expect(zonedToUtc('2026-03-29', '01:30', 'Europe/London')).toBeUndefined();
    // The minutes either side of the gap exist, one hour of real time apart.
    expect(iso(zonedToUtc('2026-03-08', '01:59', 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
    expect(iso(zonedToUtc('2026-03-08', '03:00', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(zonedToUtc('2026-03-29', '03:00', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the earlier of the two instants of a time that happens twice (EU 2026-10-25, US 2026-11-01)', () => {
    expect(iso(zonedToUtc('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(utcToZoned(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin').time).toBe('02:30');
    expect(iso(zonedToUtc('2026-11-01', '01:30', 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    expect(utcToZoned(new Date('2026-11-01T06:30:00Z'), 'America/New_York').time).toBe('01:30');
    expect(iso(zonedToUtc('2026-11-01', '02:00', 'America/New_York'))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('rejects dates, times and zones that do not exist', () => {
    expect(zonedToUtc('2026-02-30', '09:00', 'Europe/Berlin')).toBeUndefined();
    expect(zonedToUtc('2026-13-01', '09:00', 'Europe/Berlin')).toBeUndefined();
    expect(zonedToUtc('2026-1-5', '09:00', 'Europe/Berlin')).toBeUndefined();
    expect(zonedToUtc('2026-01-05', '24:00', 'Europe/Berlin')).toBeUndefined();
    expect(zonedToUtc('2026-01-05', '09:60', 'Europe/Berlin')).toBeUndefined();
    expect(zonedToUtc('2026-01-05', '9:00', 'Europe/Berlin')).toBeUndefined();
    expect(zonedToUtc('2026-01-05', '09:00', 'Mars/Olympus_Mons')).toBeUndefined();
    expect(iso(zonedToUtc('2028-02-29', '12:00', 'Etc/UTC'))).toBe('2028-02-29T12:00:00.000Z');
  });

  it('round-trips every instant to the earliest instant with the same wall clock', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Europe/London', 'Asia/Kolkata', 'America/Los_Angeles', 'Australia/Sydney', 'Asia/Kathmandu', 'Pacific/Auckland'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const minute = new Date(ms - (ms % 60_000));
          const wall = utcToZoned(minute, zone);
          const back = zonedToUtc(wall.date, wall.time, zone);
          expect(back).toBeDefined();
          expect(utcToZoned(back!, zone)).toEqual(wall);
          // The same instant, or (in a fall-back hour) the one a shift earlier.
          const diff = minute.getTime() - back!.getTime();
          expect(diff === 0 || (diff > 0 && diff <= 60 * 60_000)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

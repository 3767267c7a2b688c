import { defaultWorkingHours, type WorkingHours } from '../../src/domain/sessions';
import { isWithinWorkingHours, nextWorkingMoment, workingPeriods } from '../../src/domain/workingHours';

const at = (iso: string): Date => new Date(iso);
const newYork = defaultWorkingHours('America/New_York');

describe('isWithinWorkingHours', () => {
  it('includes the start and excludes the end of the day, in the person’s zone', () => {
    // Wednesday 2026-11-18, New York on EST (UTC-5).
    expect(isWithinWorkingHours(at('2026-11-18T13:59:00Z'), newYork)).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-18T14:00:00Z'), newYork)).toBe(true);
    expect(isWithinWorkingHours(at('2026-11-18T21:59:59Z'), newYork)).toBe(true);
    expect(isWithinWorkingHours(at('2026-11-18T22:00:00Z'), newYork)).toBe(false);
  });

  it('is false at the weekend', () => {
    expect(isWithinWorkingHours(at('2026-11-21T17:00:00Z'), newYork)).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-22T17:00:00Z'), newYork)).toBe(false);
  });

  it('uses the local weekday around midnight, not the UTC one', () => {
    // Friday 18:45 UTC is Saturday 00:15 in India; Saturday 00:30 UTC is Friday 16:30 in Los Angeles.
    expect(isWithinWorkingHours(at('2026-11-20T18:45:00Z'), defaultWorkingHours('Asia/Kolkata'))).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-21T00:30:00Z'), defaultWorkingHours('America/Los_Angeles'))).toBe(true);
    // Sunday 23:30 UTC is Monday 08:30 in Tokyo: before work, then Monday 09:00 is work.
    expect(isWithinWorkingHours(at('2026-11-22T23:30:00Z'), defaultWorkingHours('Asia/Tokyo'))).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-23T00:00:00Z'), defaultWorkingHours('Asia/Tokyo'))).toBe(true);
  });

  it('runs a night shift past midnight into the next date', () => {
    const nights: WorkingHours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], startTime: '22:00', endTime: '06:00' };
    expect(isWithinWorkingHours(at('2026-11-17T22:00:00Z'), nights)).toBe(true); // Tue 23:00
    expect(isWithinWorkingHours(at('2026-11-18T02:00:00Z'), nights)).toBe(true); // Wed 03:00, Tuesday's shift
    expect(isWithinWorkingHours(at('2026-11-21T02:00:00Z'), nights)).toBe(true); // Sat 03:00, Friday's shift
    expect(isWithinWorkingHours(at('2026-11-21T22:00:00Z'), nights)).toBe(false); // Sat 23:00
    expect(isWithinWorkingHours(at('2026-11-23T02:00:00Z'), nights)).toBe(false); // Mon 03:00, Sunday is off
    expect(isWithinWorkingHours(at('2026-11-18T05:00:00Z'), nights)).toBe(false); // Wed 06:00, shift over
  });

  it('reads Graph’s time format and treats hours without days or a known zone as no working time', () => {
    const graph: WorkingHours = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], startTime: '08:00:00.0000000', endTime: '16:30:00.0000000' };
    expect(isWithinWorkingHours(at('2026-11-18T07:00:00Z'), graph)).toBe(true);
    expect(isWithinWorkingHours(at('2026-11-18T15:30:00Z'), graph)).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-18T15:00:00Z'), { ...newYork, days: [] })).toBe(false);
    expect(isWithinWorkingHours(at('2026-11-18T15:00:00Z'), { ...newYork, timeZone: 'Mars/Olympus_Mons' })).toBe(false);
  });
});

describe('nextWorkingMoment', () => {
  it('is the moment itself during working hours', () => {
    expect(nextWorkingMoment(at('2026-11-18T15:12:34Z'), newYork).toISOString()).toBe('2026-11-18T15:12:34.000Z');
  });

  it('moves Friday evening to Monday morning in the person’s zone', () => {
    expect(nextWorkingMoment(at('2026-11-20T23:00:00Z'), newYork).toISOString()).toBe('2026-11-23T14:00:00.000Z');
    expect(nextWorkingMoment(at('2026-11-20T22:00:00Z'), newYork).toISOString()).toBe('2026-11-23T14:00:00.000Z');
    // Friday 18:00 in India.
    expect(nextWorkingMoment(at('2026-11-20T12:30:00Z'), defaultWorkingHours('Asia/Kolkata')).toISOString()).toBe('2026-11-23T03:30:00.000Z');
  });

  it('moves an early morning to the same day’s start', () => {
    expect(nextWorkingMoment(at('2026-11-18T11:00:00Z'), newYork).toISOString()).toBe('2026-11-18T14:00:00.000Z');
  });

  it('keeps 09:00 local across a weekend with a daylight-saving change', () => {
    // US: Friday 2026-03-06 18:00 EST → Monday 2026-03-09 09:00 EDT.
    expect(nextWorkingMoment(at('2026-03-06T23:00:00Z'), newYork).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // EU: Friday 2026-03-27 18:00 CET → Monday 2026-03-30 09:00 CEST; and back in October.
    const berlin = defaultWorkingHours('Europe/Berlin');
    expect(nextWorkingMoment(at('2026-03-27T17:00:00Z'), berlin).toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(nextWorkingMoment(at('2026-10-23T16:00:00Z'), berlin).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('starts a day whose start time falls in the spring-forward gap when the clock reaches it', () => {
    const early: WorkingHours = { timeZone: 'America/New_York', days: [0, 1, 2, 3, 4, 5, 6], startTime: '02:30', endTime: '06:00' };
    // Sunday 2026-03-08: 02:30 does not exist; the clock jumps from 02:00 EST to 03:00 EDT.
    expect(nextWorkingMoment(at('2026-03-08T05:00:00Z'), early).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('gives the moment back when the hours have no working time at all', () => {
    expect(nextWorkingMoment(at('2026-11-21T12:00:00Z'), { ...newYork, days: [] }).toISOString()).toBe('2026-11-21T12:00:00.000Z');
  });
});

describe('workingPeriods', () => {
  it('lists the periods overlapping a window, with the right instants on both sides of a change', () => {
    const periods = workingPeriods(newYork, { start: at('2026-03-06T00:00:00Z'), end: at('2026-03-10T00:00:00Z') });
    expect(periods.map((p) => [p.start.toISOString(), p.end.toISOString()])).toEqual([
      ['2026-03-06T14:00:00.000Z', '2026-03-06T22:00:00.000Z'],
      ['2026-03-09T13:00:00.000Z', '2026-03-09T21:00:00.000Z'],
    ]);
  });

  it('joins round-the-clock hours into one period', () => {
    const always: WorkingHours = { timeZone: 'Europe/London', days: [0, 1, 2, 3, 4, 5, 6], startTime: '00:00', endTime: '00:00' };
    const periods = workingPeriods(always, { start: at('2026-11-18T10:00:00Z'), end: at('2026-11-20T10:00:00Z') });
    expect(periods).toHaveLength(1);
    expect(periods[0]!.start <= at('2026-11-18T10:00:00Z') && periods[0]!.end >= at('2026-11-20T10:00:00Z')).toBe(true);
  });
});

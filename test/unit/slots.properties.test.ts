import fc from 'fast-check';
import { utcToZoned } from '../../src/domain/localTime';
import type { Interval, WorkingHours } from '../../src/domain/sessions';
import { findSlots, searchWindow, type SlotSearch } from '../../src/domain/slots';
import { isWithinWorkingHours, nextWorkingMoment } from '../../src/domain/workingHours';

/**
 * The slot finder and the working-hours rules checked against a brute-force
 * oracle that reads wall clocks one half hour at a time. Zones are on whole or
 * half-hour offsets and working hours start and end on the half hour, so every
 * boundary falls on the UTC half-hour grid and checking grid points is exact.
 * Boundaries stay out of 00:30–03:30, where daylight-saving changes happen: a
 * start inside a gap is a matter of definition, tested by example elsewhere.
 */

const HALF_HOUR = 30 * 60_000;
const zones = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];
const hhmm = (halfHours: number): string => `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;

const workingHoursArb: fc.Arbitrary<WorkingHours> = fc
  .record({
    timeZone: fc.constantFrom(...zones),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 8, max: 47 }),
    length: fc.integer({ min: 8, max: 28 }),
  })
  .filter(({ start, length }) => {
    const end = (start + length) % 48;
    return end === 0 || end >= 8;
  })
  .map(({ timeZone, days, start, length }) => ({ timeZone, days, startTime: hhmm(start), endTime: hhmm((start + length) % 48) }));

/** Instants on the half-hour grid through 2026, with extra weight on the weeks around the changes. */
const changeDays = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01'].map((d) => Date.parse(`${d}T00:00:00Z`));
const fromArb = fc
  .oneof(
    fc.integer({ min: Date.parse('2026-01-01T00:00:00Z') / HALF_HOUR, max: Date.parse('2026-12-31T00:00:00Z') / HALF_HOUR }),
    fc.tuple(fc.constantFrom(...changeDays), fc.integer({ min: -7 * 48, max: 2 * 48 })).map(([day, offset]) => day / HALF_HOUR + offset),
  )
  .map((halfHours) => new Date(halfHours * HALF_HOUR));

/**
 * The date of the working day the wall clock at `t` falls in (a night shift
 * belongs to the date it started), or undefined outside working time;
 * straight from the definition.
 */
function workingDay(t: number, hours: WorkingHours): string | undefined {
  const { date, time, weekday } = utcToZoned(new Date(t), hours.timeZone);
  const minute = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const start = Number(hours.startTime.slice(0, 2)) * 60 + Number(hours.startTime.slice(3));
  const end = Number(hours.endTime.slice(0, 2)) * 60 + Number(hours.endTime.slice(3));
  if (end > start) return hours.days.includes(weekday) && minute >= start && minute < end ? date : undefined;
  if (hours.days.includes(weekday) && minute >= start) return date;
  if (hours.days.includes((weekday + 6) % 7) && minute < end) {
    return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

const working = (t: number, hours: WorkingHours): boolean => workingDay(t, hours) !== undefined;

const searchArb: fc.Arbitrary<SlotSearch> = fc
  .record({
    people: fc.array(
      fc.record({
        workingHours: workingHoursArb,
        busy: fc.array(
          fc.record({ after: fc.integer({ min: -600, max: 10 * 24 * 60 }), minutes: fc.integer({ min: 5, max: 600 }) }),
          { maxLength: 8 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    from: fromArb,
    workingDays: fc.integer({ min: 1, max: 5 }),
    minutes: fc.constantFrom(30, 45, 60, 90),
    count: fc.integer({ min: 1, max: 5 }),
  })
  .map(({ people, from, ...rest }) => ({
    ...rest,
    from,
    people: people.map((p) => ({
      workingHours: p.workingHours,
      busy: p.busy.map((b): Interval => ({
        start: new Date(from.getTime() + b.after * 60_000),
        end: new Date(from.getTime() + (b.after + b.minutes) * 60_000),
      })),
    })),
  }));

describe('findSlots, against a brute-force search', () => {
  it('offers only free working time, on the earliest days, the best time of each day first', () => {
    fc.assert(
      fc.property(searchArb, (search) => {
        const length = search.minutes * 60_000;
        const window = searchWindow(search);
        const firstHours = search.people[0]!.workingHours;
        const memo = new Map<string, boolean>();
        const workingAll = (t: number): boolean => {
          const key = String(t);
          if (!memo.has(key)) memo.set(key, search.people.every((p) => working(t, p.workingHours)));
          return memo.get(key)!;
        };
        const allWorking = (from: number, to: number): boolean => {
          for (let g = from; g < to; g += HALF_HOUR) if (!workingAll(g)) return false;
          return true;
        };
        const free = (t: number): boolean =>
          search.people.every((p) => p.busy.every((b) => !(b.start.getTime() < t + length && t < b.end.getTime())));
        const valid = (t: number): boolean =>
          t >= search.from.getTime() && t + length <= window.end.getTime() && allWorking(t, t + length) && free(t);
        const comfortable = (t: number): boolean => allWorking(t - HALF_HOUR, t + length + HALF_HOUR);

        // Every valid start, grouped by the first person's working day.
        const dayOf = (t: number): string => workingDay(t, firstHours)!;
        const byDay = new Map<string, number[]>();
        for (let t = search.from.getTime(); t < window.end.getTime(); t += HALF_HOUR) {
          if (!valid(t)) continue;
          const day = dayOf(t);
          byDay.set(day, [...(byDay.get(day) ?? []), t]);
        }
        const days = [...byDay.keys()].sort();

        const slots = findSlots(search);
        const startsAt = slots.map((s) => s.start.getTime());

        for (const [i, slot] of slots.entries()) {
          expect(slot.end.getTime() - slot.start.getTime()).toBe(length);
          expect(valid(slot.start.getTime())).toBe(true);
          const next = slots[i + 1];
          if (next) expect(slot.end.getTime()).toBeLessThanOrEqual(next.start.getTime());
        }
        expect(slots.length).toBeLessThanOrEqual(search.count);
        expect(slots.length === 0).toBe(days.length === 0);
        if (search.count <= days.length) expect(slots).toHaveLength(search.count);
        expect([...new Set(startsAt.map(dayOf))].sort()).toEqual(days.slice(0, Math.min(search.count, days.length)));
        for (const day of new Set(startsAt.map(dayOf))) {
          const candidates = byDay.get(day)!;
          const best = candidates.find(comfortable) ?? candidates[0]!;
          expect(startsAt).toContain(best);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('working hours, against the wall clock', () => {
  it('isWithinWorkingHours agrees with the wall clock, and nextWorkingMoment finds the next working half hour', () => {
    fc.assert(
      fc.property(workingHoursArb, fromArb, (hours, at) => {
        expect(isWithinWorkingHours(at, hours)).toBe(working(at.getTime(), hours));
        const next = nextWorkingMoment(at, hours).getTime();
        expect(next).toBeGreaterThanOrEqual(at.getTime());
        expect(working(next, hours)).toBe(true);
        for (let t = at.getTime(); t < next; t += HALF_HOUR) expect(working(t, hours)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

import { utcToZoned } from '../../src/domain/localTime';
import { defaultWorkingHours, type Interval } from '../../src/domain/sessions';
import { findSlots, searchWindow, type SlotSearch } from '../../src/domain/slots';

const at = (iso: string): Date => new Date(iso);
const person = (zone: string, busy: [string, string][] = []): SlotSearch['people'][number] => ({
  workingHours: defaultWorkingHours(zone),
  busy: busy.map(([start, end]) => ({ start: at(start), end: at(end) })),
});
const starts = (slots: Interval[]): string[] => slots.map((s) => s.start.toISOString());
const local = (slots: Interval[], zone: string): string[] =>
  slots.map((s) => {
    const z = utcToZoned(s.start, zone);
    return `${z.date} ${z.time}`;
  });

describe('findSlots', () => {
  it('offers the comfortable hour of a New York–Berlin overlap on three different days', () => {
    // Monday 2026-01-12: New York 09:00–11:00 is Berlin 15:00–17:00.
    const slots = findSlots({
      people: [person('America/New_York'), person('Europe/Berlin')],
      from: at('2026-01-12T06:00:00Z'),
      workingDays: 10,
      minutes: 60,
      count: 3,
    });
    expect(local(slots, 'America/New_York')).toEqual(['2026-01-12 09:30', '2026-01-13 09:30', '2026-01-14 09:30']);
    expect(local(slots, 'Europe/Berlin')).toEqual(['2026-01-12 15:30', '2026-01-13 15:30', '2026-01-14 15:30']);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 60 * 60_000)).toBe(true);
  });

  it('spreads over days even when the first day is wide open', () => {
    const slots = findSlots({
      people: [person('America/New_York'), person('America/New_York')],
      from: at('2026-01-12T06:00:00Z'),
      workingDays: 10,
      minutes: 60,
      count: 3,
    });
    expect(local(slots, 'America/New_York')).toEqual(['2026-01-12 09:30', '2026-01-13 09:30', '2026-01-14 09:30']);
  });

  it('offers separate times on the same day when the search has fewer days than slots', () => {
    const slots = findSlots({
      people: [person('America/New_York'), person('America/New_York')],
      from: at('2026-01-12T06:00:00Z'),
      workingDays: 1,
      minutes: 60,
      count: 3,
    });
    expect(local(slots, 'America/New_York')).toEqual(['2026-01-12 09:30', '2026-01-12 10:30', '2026-01-12 11:30']);
  });

  it('works around busy blocks on either calendar', () => {
    const slots = findSlots({
      people: [
        // Monday: the whole overlap is taken.
        person('America/New_York', [['2026-01-12T14:00:00Z', '2026-01-12T16:00:00Z']]),
        // Tuesday: a meeting in the middle of the overlap leaves two half hours; Wednesday morning too.
        person('Europe/Berlin', [
          ['2026-01-13T14:30:00Z', '2026-01-13T15:30:00Z'],
          ['2026-01-14T14:00:00Z', '2026-01-14T15:00:00Z'],
        ]),
      ],
      from: at('2026-01-12T06:00:00Z'),
      workingDays: 10,
      minutes: 60,
      count: 3,
    });
    // Wednesday's only free hour is the last of Berlin's day: taken, as it is that day's best.
    expect(starts(slots)).toEqual(['2026-01-14T15:00:00.000Z', '2026-01-15T14:30:00.000Z', '2026-01-16T14:30:00.000Z']);
  });

  it('takes a time at the edge of someone’s day only when nothing better exists that day', () => {
    // Two hours fill New York–Berlin's whole overlap: 09:00–11:00 in New York, 15:00–17:00 in Berlin.
    const search: SlotSearch = {
      people: [person('America/New_York'), person('Europe/Berlin')],
      from: at('2026-01-12T06:00:00Z'),
      workingDays: 10,
      minutes: 120,
      count: 1,
    };
    expect(local(findSlots(search), 'America/New_York')).toEqual(['2026-01-12 09:00']);
    // With half an hour, the edges of the overlap lose to the middle.
    expect(local(findSlots({ ...search, minutes: 30, count: 1 }), 'America/New_York')).toEqual(['2026-01-12 09:30']);
  });

  it('finds nothing when working hours never overlap (India and Los Angeles)', () => {
    const search: SlotSearch = {
      people: [person('Asia/Kolkata'), person('America/Los_Angeles')],
      from: at('2026-01-12T00:00:00Z'),
      workingDays: 10,
      minutes: 30,
      count: 3,
    };
    expect(findSlots(search)).toEqual([]);
    expect(searchWindow(search).end > searchWindow(search).start).toBe(true);
  });

  it('finds India–Los Angeles time when one of them keeps a long day', () => {
    const early = { ...person('America/Los_Angeles'), workingHours: { ...defaultWorkingHours('America/Los_Angeles'), startTime: '07:00', endTime: '21:00' } };
    const slots = findSlots({ people: [person('Asia/Kolkata'), early], from: at('2026-01-12T00:00:00Z'), workingDays: 10, minutes: 30, count: 3 });
    // Kolkata 09:00–17:00 is 19:30–03:30 in Los Angeles: overlap 19:30–21:00 LA, the first half hour of India's day.
    expect(local(slots, 'Asia/Kolkata')).toEqual(['2026-01-13 09:30', '2026-01-14 09:30', '2026-01-15 09:30']);
    expect(local(slots, 'America/Los_Angeles')).toEqual(['2026-01-12 20:00', '2026-01-13 20:00', '2026-01-14 20:00']);
  });

  it('finds nothing when one calendar is full', () => {
    const slots = findSlots({
      people: [person('Europe/Berlin'), person('Europe/London', [['2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z']])],
      from: at('2026-01-12T06:00:00Z'),
      workingDays: 10,
      minutes: 30,
      count: 3,
    });
    expect(slots).toEqual([]);
  });

  it('keeps wall-clock times across the US change (2026-03-08) while Berlin has not changed yet', () => {
    const slots = findSlots({
      people: [person('America/New_York'), person('Europe/Berlin')],
      from: at('2026-03-05T06:00:00Z'),
      workingDays: 4,
      minutes: 60,
      count: 4,
    });
    // Before: New York 09:00–11:00 overlaps Berlin; after, EDT moves New York an hour closer (09:00–12:00).
    expect(starts(slots)).toEqual(['2026-03-05T14:30:00.000Z', '2026-03-06T14:30:00.000Z', '2026-03-09T13:30:00.000Z', '2026-03-10T13:30:00.000Z']);
    expect(local(slots, 'America/New_York').map((s) => s.slice(11))).toEqual(['09:30', '09:30', '09:30', '09:30']);
    expect(local(slots, 'Europe/Berlin').map((s) => s.slice(11))).toEqual(['15:30', '15:30', '14:30', '14:30']);
  });

  it('keeps wall-clock times across the EU change (2026-03-29)', () => {
    const slots = findSlots({
      people: [person('America/New_York'), person('Europe/Berlin')],
      from: at('2026-03-26T06:00:00Z'),
      workingDays: 4,
      minutes: 60,
      count: 4,
    });
    expect(local(slots, 'America/New_York')).toEqual(['2026-03-26 09:30', '2026-03-27 09:30', '2026-03-30 09:30', '2026-03-31 09:30']);
    expect(local(slots, 'Europe/Berlin').map((s) => s.slice(11))).toEqual(['14:30', '14:30', '15:30', '15:30']);
  });

  it('follows Berlin back to winter time (2026-10-25) with India, which has no daylight saving', () => {
    const slots = findSlots({
      people: [person('Europe/Berlin'), person('Asia/Kolkata')],
      from: at('2026-10-22T00:00:00Z'),
      workingDays: 4,
      minutes: 60,
      count: 4,
    });
    expect(local(slots, 'Europe/Berlin')).toEqual(['2026-10-22 09:30', '2026-10-23 09:30', '2026-10-26 09:30', '2026-10-27 09:30']);
    expect(local(slots, 'Asia/Kolkata').map((s) => s.slice(11))).toEqual(['13:00', '13:00', '14:00', '14:00']);
  });

  it('finds London–Los Angeles time only in the week between the EU and the US changes (to 2026-11-01)', () => {
    const slots = findSlots({
      people: [person('Europe/London'), person('America/Los_Angeles')],
      from: at('2026-10-19T00:00:00Z'),
      workingDays: 15,
      minutes: 60,
      count: 10,
    });
    // London on GMT and Los Angeles still on PDT: 16:00–17:00 London is 09:00–10:00 in Los Angeles.
    expect(local(slots, 'Europe/London')).toEqual(['2026-10-26 16:00', '2026-10-27 16:00', '2026-10-28 16:00', '2026-10-29 16:00', '2026-10-30 16:00']);
    expect(local(slots, 'America/Los_Angeles').map((s) => s.slice(11))).toEqual(['09:00', '09:00', '09:00', '09:00', '09:00']);
  });

  it('aligns starts to the first person’s wall clock (Kathmandu is UTC+05:45)', () => {
    const slots = findSlots({
      people: [person('Asia/Kathmandu'), person('Europe/Berlin')],
      from: at('2026-01-12T00:00:00Z'),
      workingDays: 3,
      minutes: 30,
      count: 3,
    });
    // The overlap opens at 13:45 in Kathmandu (09:00 in Berlin); 14:00 is too close to Berlin's start.
    expect(local(slots, 'Asia/Kathmandu').map((s) => s.slice(11))).toEqual(['14:30', '14:30', '14:30']);
    expect(local(slots, 'Europe/Berlin').map((s) => s.slice(11))).toEqual(['09:45', '09:45', '09:45']);
  });

  it('counts a night shift as one day, though it crosses midnight', () => {
    const nights = { busy: [], workingHours: { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], startTime: '22:00', endTime: '06:00' } };
    const slots = findSlots({ people: [nights, nights], from: at('2026-01-12T12:00:00Z'), workingDays: 2, minutes: 60, count: 2 });
    expect(local(slots, 'Europe/Berlin')).toEqual(['2026-01-12 22:30', '2026-01-13 22:30']);
  });

  it('starts no earlier than `from`', () => {
    const slots = findSlots({
      people: [person('America/New_York'), person('America/New_York')],
      from: at('2026-01-12T17:10:00Z'), // Monday 12:10 in New York
      workingDays: 10,
      minutes: 60,
      count: 1,
    });
    expect(local(slots, 'America/New_York')).toEqual(['2026-01-12 12:30']);
  });

  it('offers nothing for nobody, no days, no slots or no length', () => {
    const base: SlotSearch = { people: [person('Europe/Berlin')], from: at('2026-01-12T06:00:00Z'), workingDays: 10, minutes: 60, count: 3 };
    expect(findSlots(base)).toHaveLength(3);
    expect(findSlots({ ...base, people: [] })).toEqual([]);
    expect(findSlots({ ...base, workingDays: 0 })).toEqual([]);
    expect(findSlots({ ...base, count: 0 })).toEqual([]);
    expect(findSlots({ ...base, minutes: 0 })).toEqual([]);
  });
});

describe('searchWindow', () => {
  it('counts the first person’s working days, today included while some of it is left', () => {
    const people = [person('America/New_York'), person('Asia/Kolkata')];
    // Wednesday 10:00 in New York: today counts; ten working days end Tuesday two weeks on at 17:00.
    expect(searchWindow({ people, from: at('2026-11-18T15:00:00Z'), workingDays: 10 })).toEqual({
      start: at('2026-11-18T15:00:00Z'),
      end: at('2026-12-01T22:00:00Z'),
    });
    // Wednesday 18:00: today is over, so the ten days end on Wednesday two weeks on.
    expect(searchWindow({ people, from: at('2026-11-18T23:00:00Z'), workingDays: 10 }).end).toEqual(at('2026-12-02T22:00:00Z'));
    // Friday evening: the count starts on Monday.
    expect(searchWindow({ people, from: at('2026-11-20T23:00:00Z'), workingDays: 1 }).end).toEqual(at('2026-11-23T22:00:00Z'));
  });

  it('is empty without anybody to ask', () => {
    const window = searchWindow({ people: [], from: at('2026-11-18T15:00:00Z'), workingDays: 10 });
    expect(window.end).toEqual(window.start);
  });
});

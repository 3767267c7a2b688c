import { workingHoursFrom } from '../../src/graph/calendar';
import { fromGraphDateTime, toGraphDateTime } from '../../src/graph/graphDateTime';
import { ianaTimeZone, isIanaZone, knownWindowsTimeZones } from '../../src/graph/windowsTimeZones';

describe('Windows time zone names', () => {
  it('maps every known Windows name to a zone the runtime knows', () => {
    const unknown = knownWindowsTimeZones.filter((name) => !isIanaZone(ianaTimeZone(name) ?? ''));
    expect(unknown).toEqual([]);
    expect(knownWindowsTimeZones.length).toBeGreaterThan(130);
  });

  it.each([
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['GMT Standard Time', 'Europe/London'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['UTC', 'Etc/UTC'],
    ['Europe/Paris', 'Europe/Paris'],
  ])('%s is %s', (windows, iana) => {
    expect(ianaTimeZone(windows)).toBe(iana);
  });

  it.each(['Customized Time Zone', 'tzone://Microsoft/Custom', 'Mars/Olympus_Mons', '', null, undefined])('does not guess for %p', (name) => {
    expect(ianaTimeZone(name)).toBeUndefined();
  });
});

describe('working hours from Graph', () => {
  it('keeps only complete working hours in a zone it can name', () => {
    const hours = { daysOfWeek: ['friday', 'monday'] as const, startTime: '07:30:00.0000000', endTime: '15:45:00.0000000' };
    expect(workingHoursFrom({ ...hours, daysOfWeek: [...hours.daysOfWeek], timeZone: { name: 'Tokyo Standard Time' } })).toEqual({
      timeZone: 'Asia/Tokyo',
      days: [1, 5],
      startTime: '07:30',
      endTime: '15:45',
    });
    expect(workingHoursFrom({ ...hours, daysOfWeek: [], timeZone: { name: 'Tokyo Standard Time' } })).toBeNull();
    expect(workingHoursFrom({ ...hours, daysOfWeek: ['monday'], timeZone: { name: 'Customized Time Zone' } })).toBeNull();
    expect(workingHoursFrom(null)).toBeNull();
  });
});

describe('Graph dateTimeTimeZone', () => {
  it('sends UTC wall time with the zone beside it', () => {
    expect(toGraphDateTime(new Date('2026-03-05T15:00:00.000Z'))).toEqual({ dateTime: '2026-03-05T15:00:00', timeZone: 'UTC' });
  });

  it('reads UTC answers with Graph seven-digit fractions', () => {
    expect(fromGraphDateTime({ dateTime: '2026-03-05T15:00:00.0000000', timeZone: 'UTC' })).toEqual(new Date('2026-03-05T15:00:00Z'));
  });

  it('converts a wall time in a Windows-named zone, on either side of a DST change', () => {
    // 2019-03-15 is daylight time in Los Angeles (UTC-7); 2019-03-01 is standard time (UTC-8).
    expect(fromGraphDateTime({ dateTime: '2019-03-15T12:00:00.0000000', timeZone: 'Pacific Standard Time' })).toEqual(new Date('2019-03-15T19:00:00Z'));
    expect(fromGraphDateTime({ dateTime: '2019-03-01T12:00:00.0000000', timeZone: 'Pacific Standard Time' })).toEqual(new Date('2019-03-01T20:00:00Z'));
  });

  it('reads nothing it cannot place', () => {
    expect(fromGraphDateTime({ dateTime: '2019-03-15T12:00:00', timeZone: 'Customized Time Zone' })).toBeUndefined();
    expect(fromGraphDateTime({ dateTime: 'soon', timeZone: 'UTC' })).toBeUndefined();
  });
});

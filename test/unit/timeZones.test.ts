import { offeredTimeZone } from '../../src/domain/timeZones';

const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');

describe('offeredTimeZone', () => {
  it('keeps a zone we offer', () => {
    expect(offeredTimeZone('Asia/Kolkata', winter)).toBe('Asia/Kolkata');
  });

  it('maps another zone to an offered one on the same offset, following daylight saving', () => {
    expect(offeredTimeZone('Europe/Paris', winter)).toBe('Europe/Berlin');
    expect(offeredTimeZone('Etc/UTC', winter)).toBe('Europe/London');
    expect(offeredTimeZone('America/Toronto', summer)).toBe('America/New_York');
  });

  it('offers nothing for an unknown zone or an offset we do not list', () => {
    expect(offeredTimeZone('Mars/Olympus_Mons', winter)).toBeUndefined();
    expect(offeredTimeZone('Asia/Kathmandu', winter)).toBeUndefined();
    expect(offeredTimeZone(undefined, winter)).toBeUndefined();
  });
});

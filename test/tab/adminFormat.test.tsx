/** The reminder offsets as the settings form shows and reads them: words out, words or minutes back in. */
import { minutesInWords, parseOffsets } from '../../tab/src/admin/format';

describe('reminder offsets in words', () => {
  it('shows minutes as days, hours and minutes', () => {
    expect([24 * 60, 2 * 24 * 60, 90, 60, 15].map(minutesInWords)).toEqual(['1 day', '2 days', '1 h 30 min', '1 h', '15 min']);
  });

  it('reads back what it shows, and bare numbers as minutes', () => {
    const offsets = [24 * 60, 90, 15];
    expect(parseOffsets(offsets.map(minutesInWords).join(', '))).toEqual(offsets);
    expect(parseOffsets('1440, 15')).toEqual([1440, 15]);
    expect(parseOffsets('2 hours, 1 d 2 h, 5 minutes')).toEqual([120, 26 * 60, 5]);
    expect(parseOffsets('')).toEqual([]);
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(parseOffsets('tomorrow')).toBeUndefined();
    expect(parseOffsets('1 day, soon')).toBeUndefined();
    expect(parseOffsets('-15')).toBeUndefined();
  });
});

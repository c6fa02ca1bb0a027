import { describe, expect, it } from '@jest/globals';
import { ukDayAfter, ukDayStart } from './uk-time.js';

describe('UK calendar days as instants', () => {
  it('starts a day at UK midnight, GMT in winter and BST in summer', () => {
    expect(ukDayStart('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(ukDayStart('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
  });

  it('ends a "to" date at the start of the next UK day, across the clocks changing', () => {
    // The clocks go forward on 29 March 2026: that day starts at 00:00 GMT.
    expect(ukDayAfter('2026-03-28')).toBe('2026-03-29T00:00:00.000Z');
    // They go back on 25 October 2026: the 26th starts at 00:00 GMT, the 25th at 23:00 the day before.
    expect(ukDayAfter('2026-10-25')).toBe('2026-10-26T00:00:00.000Z');
    expect(ukDayAfter('2026-10-24')).toBe('2026-10-24T23:00:00.000Z');
  });
});

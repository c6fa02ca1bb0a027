import { describe, expect, it } from '@jest/globals';
import { when } from './chronology.js';

describe('the chronology’s words', () => {
  it('says dates and instants as people write them, in UK time, never ISO', () => {
    expect(when('2020-03-06')).toBe('6 March 2020');
    // 09:00 UTC in March is 09:00 in London; in July it is 10:00 (British Summer Time).
    expect(when('2020-03-06T09:00:00.000Z')).toBe('6 March 2020 at 09:00');
    expect(when('2020-07-06T09:00:00.000Z')).toBe('6 July 2020 at 10:00');
    expect(when(null)).toBe('');
  });
});

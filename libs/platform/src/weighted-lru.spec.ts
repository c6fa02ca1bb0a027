import { describe, expect, it } from '@jest/globals';
import { WeightedLru } from './weighted-lru.js';

describe('WeightedLru', () => {
  it('drops the least recently used entries beyond its weight, never the one just set', () => {
    const lru = new WeightedLru<string, number>(10);
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    expect(lru.get('a')).toBe(1); // a is now the most recently used
    lru.set('c', 3, 4); // 12 > 10: b goes
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
    lru.set('a', 9, 2); // replacing counts the new weight only: 2 + 4
    lru.set('d', 4, 4);
    expect([lru.get('a'), lru.get('c'), lru.get('d')]).toEqual([9, 3, 4]);
    lru.set('huge', 5, 50);
    expect(lru.size).toBe(1);
    expect(lru.get('huge')).toBe(5);
    lru.delete('huge');
    lru.set('e', 6, 10);
    expect(lru.size).toBe(1);
  });
});

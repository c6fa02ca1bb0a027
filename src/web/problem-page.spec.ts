import { describe, expect, it } from '@jest/globals';
import { pageProblem } from './problem-page.js';

const p = (status: number, code: string, detail = 'x') => ({ status, code, title: 'T', detail });

describe('a refused request, as a page says it', () => {
  it('says a refusal by role in plain words, with no permission name', () => {
    const page = pageProblem(p(403, 'ACCESS.DENIED', 'key_worker may not case:allocate'));
    expect(page.title).toBe('You cannot do this');
    expect(page.message).not.toMatch(/case:|allocate|key_worker/);
  });

  it('says "not found" alike for a case that is not there and one out of reach', () => {
    expect(pageProblem(p(404, 'YOUNG_PERSON.NOT_FOUND'))).toEqual(
      pageProblem(p(403, 'ACCESS.OUT_OF_SCOPE')),
    );
  });

  it('gives the reference of a failure of ours, and keeps other problems’ own words', () => {
    expect(pageProblem({ ...p(500, 'INTERNAL'), requestId: 'abc' }).message).toContain('abc');
    expect(pageProblem(p(409, 'CONCURRENCY.CONFLICT', 'Try again.'))).toEqual({
      title: 'T',
      message: 'Try again.',
    });
  });
});

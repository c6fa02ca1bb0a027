import { describe, expect, it } from '@jest/globals';
import type { BenchRow } from './bench-support.js';
import { targetMet, targetSummary } from './targets.js';

const row = (value: string, ratio: string, target: string): BenchRow => ({
  figure: `a figure (${target})`,
  value,
  baseline: 'a baseline',
  ratio,
  target,
});

describe('benchmark targets', () => {
  it('judges a ratio, a latency, a rate and being ahead of the peer from the rows as written', () => {
    expect(targetMet(row('1,359', '0.68', '>= 0.6'))).toBe(true);
    expect(targetMet(row('3,184', '0.54', '>= 0.6'))).toBe(false);
    expect(targetMet(row('3,184', '0.60', '>= 0.6'))).toBe(true);
    expect(targetMet(row('41.9 ms', '2.41', '< 100 ms'))).toBe(true);
    expect(targetMet(row('101.0 ms', '2.41', '< 100 ms'))).toBe(false);
    expect(targetMet(row('25,330', '', '>= 20,000'))).toBe(true);
    expect(targetMet(row('19,999', '', '>= 20,000'))).toBe(false);
    expect(targetMet(row('1,946', 'nwd-hub 1.64x emmett', 'nwd-hub ahead'))).toBe(true);
    expect(targetMet(row('1,946', 'nwd-hub 0.97x emmett', 'nwd-hub ahead'))).toBe(false);
  });

  it('needs every condition of a combined target', () => {
    const target = '>= 0.4, p99 < 50 ms';
    expect(targetMet(row('994; 48.0 ms / 104.0 ms', '0.29', target))).toBe(false);
    expect(targetMet(row('1,400; 30.0 ms / 62.0 ms', '0.41', target))).toBe(false);
    expect(targetMet(row('1,400; 30.0 ms / 45.0 ms', '0.41', target))).toBe(true);
  });

  it('leaves rows without a target, or with one it does not understand, unjudged', () => {
    expect(targetMet(row('7,528', '4.27', ''))).toBeUndefined();
    expect(targetMet(row('7,528', '4.27', 'fast enough'))).toBeUndefined();
  });

  it('sums up a run: how many met, each one missed by name, and where the limits are written', () => {
    const summary = targetSummary([
      row('1,359', '0.68', '>= 0.6'),
      { ...row('3,184', '0.54', '>= 0.6'), figure: 'PostgreSQL append, 8 writers' },
      row('7,528', '4.27', ''),
    ]);
    expect(summary).toContain('Targets: 1 of 2 met in this run.');
    expect(summary).toContain(
      '- Missed: PostgreSQL append, 8 writers: 3,184, ratio 0.54 (target >= 0.6).',
    );
    expect(summary).toContain('What limits the targets the benchmarks miss');
    expect(targetSummary([row('1,359', '0.68', '>= 0.6')])).toBe(
      'Targets: 1 of 1 met in this run.',
    );
  });
});

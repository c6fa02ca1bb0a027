import { describe, expect, it } from '@jest/globals';
import {
  computeIndicators,
  suppressed,
  type BaselineFact,
  type Fact,
  type IndicatorInput,
} from './indicators.js';
import { trendByQuarter } from './trend.js';

/**
 * A small hand-built cohort, its right answers worked out here by hand. The window is 2025-26;
 * the figures are as known on 30 September 2026.
 *
 * - A: edge of care, referred 1 May 2025 at 16; the year before: 4 missing, 2 arrests. After:
 *   missing 1 June and 1 July 2025 (and 1 June 2026, past the 12 months), arrested 1 August
 *   2025; a hub bed 10 to 20 June 2025 (moved bed on the 15th), then council foster carers
 *   outside the hub 1 September to 1 October 2025; NEET at referral, in education from September.
 * - B: edge of care, referred 15 June 2025 at 14 and again on 1 September (counted once); the
 *   year before: 1 missing, no arrests; missing 1 July 2025; never in care.
 * - C: a care leaver referred 10 April 2025, 18 on 1 October 2025 (mid-window): a children's home
 *   outside the hub 1 April to 1 May 2025; OC3 at 18, in touch, education (F2), supported
 *   lodgings, suitable (E1). No year before recorded.
 * - D: edge of care, referred 1 March 2026 (12 months not yet passed); a community family 10 to
 *   20 March 2026.
 * - E: accepted in January 2024, stepped away in December 2024: not supported in 2025-26.
 */
const people = [
  { youngPersonId: 'A', hubId: 'h1', dateOfBirth: '2009-01-01' },
  { youngPersonId: 'B', hubId: 'h1', dateOfBirth: '2011-02-01' },
  { youngPersonId: 'C', hubId: 'h1', dateOfBirth: '2007-10-01' },
  { youngPersonId: 'D', hubId: 'h1', dateOfBirth: '2012-05-05' },
  { youngPersonId: 'E', hubId: 'h1', dateOfBirth: '2010-05-05' },
];
const f = (
  youngPersonId: string,
  kind: string,
  on: string,
  code: string | null = null,
  code2: string | null = null,
): Fact => ({
  youngPersonId,
  kind,
  on,
  code,
  code2,
});
const facts: Fact[] = [
  f('A', 'referral', '2025-05-01', 'edge_of_care'),
  f('A', 'accepted', '2025-05-01'),
  f('A', 'missing', '2025-06-01', 'M'),
  f('A', 'missing', '2025-07-01', 'M'),
  f('A', 'missing', '2026-06-01', 'M'),
  f('A', 'arrest', '2025-08-01'),
  f('A', 'start', '2025-06-10', 'bed'),
  f('A', 'move', '2025-06-15', 'bed'),
  f('A', 'end', '2025-06-20', 'bed'),
  f('A', 'start', '2025-09-01', 'outside', 'U4'),
  f('A', 'end', '2025-10-01', 'outside'),
  f('A', 'ete', '2025-04-01', 'neet'),
  f('A', 'ete', '2025-09-01', 'education'),
  f('B', 'referral', '2025-06-15', 'edge_of_care'),
  f('B', 'accepted', '2025-06-15'),
  f('B', 'referral', '2025-09-01', 'edge_of_care'),
  f('B', 'missing', '2025-07-01', 'M'),
  f('C', 'referral', '2025-04-10', 'care_leaver'),
  f('C', 'accepted', '2025-04-10'),
  f('C', 'start', '2025-04-01', 'outside', 'K2'),
  f('C', 'end', '2025-05-01', 'outside'),
  f('C', 'oc3', '2025-10-01', 'F2', 'E1'),
  f('D', 'referral', '2026-03-01', 'edge_of_care'),
  f('D', 'accepted', '2026-03-01'),
  f('D', 'start', '2026-03-10', 'family'),
  f('D', 'end', '2026-03-20', 'family'),
  f('E', 'accepted', '2024-01-01'),
  f('E', 'left', '2024-12-01'),
];
const baseline = (id: string, missingEpisodes: number, arrests: number): [string, BaselineFact] => [
  id,
  {
    youngPersonId: id,
    missingEpisodes,
    arrests,
    placements: 0,
    residentialNights: 0,
    exclusions: 0,
  },
];
const input: IndicatorInput = {
  people,
  facts,
  baselines: new Map([baseline('A', 4, 2), baseline('B', 1, 0)]),
  window: { from: '2025-04-01', to: '2026-03-31' },
  asOf: '2026-09-30',
  costs: { residentialNight: 800, hubBedNight: 500, familyNight: 150 },
};
const figure = (key: string, over: Partial<IndicatorInput> = {}) =>
  computeIndicators({ ...input, ...over }).find((i) => i.key === key)!;

describe('the outcomes indicators, on a hand-built cohort', () => {
  it('counts the young people supported: accepted by the end, not gone before the start', () => {
    expect(figure('supported')).toMatchObject({
      value: 4,
      covers: 4,
      window: '2025-04-01 to 2026-03-31',
    });
  });

  it('says who stayed out of care 12 months after an edge of care referral, only once the 12 months have passed', () => {
    // A and B are followed (D's 12 months have not passed); A went to foster carers outside the
    // hub (the hub bed alone would not have counted).
    expect(figure('stayed_out_of_care')).toMatchObject({ value: 0.5, covers: 2 });
    // Known on 1 June 2026, B's 12 months (to 15 June) had not passed: only A.
    expect(figure('stayed_out_of_care', { asOf: '2026-06-01' })).toMatchObject({
      value: 0,
      covers: 1,
    });
  });

  it('counts entries to care, nights by where they were spent, and moves', () => {
    // A twice (the hub bed, then foster carers after days out of care), C and D.
    expect(figure('entries_to_care')).toMatchObject({ value: 4, covers: 3 });
    expect(figure('residential_nights')).toMatchObject({ value: 30, covers: 1 });
    // 30 residential of 80 nights in care (10 in a hub bed, 10 with a family, 30 fostered).
    expect(figure('residential_share')).toMatchObject({ value: 0.375, covers: 3 });
    expect(figure('placement_moves')).toMatchObject({ value: 1, covers: 1 });
    expect(figure('hub_bed_nights')).toMatchObject({ value: 10, covers: 1 });
  });

  it('compares the 12 months after referral with the year before, per young person and in total', () => {
    // A and B (C has no year before; D's 12 months have not passed). A referred twice counts once.
    expect(figure('missing')).toMatchObject({ before: 5, after: 3, value: -1, covers: 2 });
    expect(figure('arrests')).toMatchObject({ before: 2, after: 1, value: -0.5, covers: 2 });
    expect(figure('missing').baselineWindow).toBe('12 months before referral (as recorded)');
    // NEET on the day of referral, then not 12 months on: A only (B was 14).
    expect(figure('neet')).toMatchObject({ before: 1, after: 0, value: -1, covers: 1 });
  });

  it('reads care leavers’ accommodation and activity from OC3, and the cost of the nights', () => {
    expect(figure('care_leavers_suitable')).toMatchObject({ value: 1, covers: 1 });
    expect(figure('care_leavers_eet')).toMatchObject({ value: 1, covers: 1 });
    // 10 bed nights at £500 and 10 family nights at £150 against 20 residential nights at £800.
    expect(figure('cost_compared')).toMatchObject({ before: 16000, after: 6500, value: 9500 });
  });

  it('suppresses a figure covering fewer than 5, and trends by quarter', () => {
    expect(suppressed(figure('supported'))).toBe(true);
    expect(suppressed({ ...figure('supported'), covers: 5 })).toBe(false);
    expect(suppressed({ ...figure('supported'), covers: 0 })).toBe(false);
    const trend = trendByQuarter(input);
    expect(trend.filter((t) => t.n > 0)).toEqual([
      { quarter: '2025 Q2', what: 'Referrals', n: 3 },
      { quarter: '2025 Q2', what: 'Missing episodes', n: 1 },
      { quarter: '2025 Q3', what: 'Referrals', n: 1 },
      { quarter: '2025 Q3', what: 'Missing episodes', n: 2 },
      { quarter: '2025 Q3', what: 'Arrests', n: 1 },
      { quarter: '2026 Q1', what: 'Referrals', n: 1 },
    ]);
  });
});

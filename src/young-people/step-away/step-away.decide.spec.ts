import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { referred } from '../young-people.test-fixtures.js';
import { accepted, at, away, foldCase, kw, lead } from '../case-lifecycle.test-fixtures.js';
import { reopenCase, stepAway } from '../step-away/step-away.decide.js';

describe('stepping away and coming back', () => {
  it('steps away from an open case and reopens it with the same key worker and team', () => {
    deciderSpec(stepAway)
      .given([referred, accepted, kw])
      .when({ youngPersonId: 'yp1', reason: ' Stable at home ', on: '2026-09-01', now: at })
      .then([away]);
    deciderSpec(stepAway)
      .given([referred])
      .when({ youngPersonId: 'yp1', reason: 'x', on: '2026-09-01', now: at })
      .thenFails('CASE.NOT_OPEN');
    deciderSpec(reopenCase)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', reason: 'x', now: at })
      .thenFails('CASE.NOT_STEPPED_AWAY');

    const reopened = reopenCase.decide(
      { youngPersonId: 'yp1', reason: 'Placement at risk', now: '2026-11-01T10:00:00.000Z' },
      foldCase([referred, accepted, kw, lead, away]),
    );
    const state = foldCase([referred, accepted, kw, lead, away, ...reopened]);
    expect(state.status).toBe('accepted');
    expect(
      state.status === 'accepted' && [
        state.keyWorkers.at(-1)?.workerId,
        state.team.map((m) => m.memberId),
      ],
    ).toEqual(['w1', ['m1']]);
    expect(
      state.status === 'accepted' && state.statusHistory.map((s) => [s.status, s.reason]),
    ).toEqual([
      ['referred', null],
      ['accepted', null],
      ['stepped_away', 'Stable at home'],
      ['accepted', 'Placement at risk'],
    ]);
  });
});

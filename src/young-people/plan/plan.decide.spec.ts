import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpec } from '#testing/decider-spec';
import { pathwayReviewDue } from '../case-plan.js';
import { closeCase } from '../close-case/close-case.decide.js';
import { correctReferral } from '../correct-referral/correct-referral.decide.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import { referred } from '../young-people.test-fixtures.js';
import { changeGoalStatus, reviewPlan, setGoal } from './plan.decide.js';

// The fixture is a care leaver born 2007-01-01.
const accepted: YoungPersonEvent = {
  type: 'ReferralAccepted',
  data: { youngPersonId: 'yp1', acceptedAt: '2026-03-02T10:00:00.000Z' },
};
const now = '2026-04-01T09:00:00.000Z';
const goal: YoungPersonEvent = {
  type: 'GoalSet',
  data: {
    youngPersonId: 'yp1',
    goalId: 'g1',
    area: 'education_and_training',
    description: 'Start college',
    targetDate: '2026-09-01',
    setAt: now,
  },
};

describe('the support plan', () => {
  it('sets goals in a portfolio area with a target date that is not past', () => {
    deciderSpec(setGoal)
      .given([referred, accepted])
      .when({
        youngPersonId: 'yp1',
        goalId: 'g1',
        area: 'education_and_training',
        description: ' Start college ',
        targetDate: '2026-09-01',
        now,
      })
      .then([goal]);
    deciderSpec(setGoal)
      .given([referred, accepted])
      .when({
        youngPersonId: 'yp1',
        goalId: 'g2',
        area: 'safety',
        description: 'x',
        targetDate: '2026-03-01',
        now,
      })
      .thenFails('GOAL.TARGET_IN_PAST', 'targetDate');
    deciderSpec(setGoal)
      .given([referred])
      .when({
        youngPersonId: 'yp1',
        goalId: 'g2',
        area: 'safety',
        description: 'x',
        targetDate: '2026-09-01',
        now,
      })
      .thenFails('YOUNG_PERSON.NOT_ACCEPTED');
  });

  it('moves a goal through its statuses, keeping each change', () => {
    const [moved] = changeGoalStatus.decide(
      { youngPersonId: 'yp1', goalId: 'g1', status: 'in_progress', note: 'Enrolled', now },
      fold(changeGoalStatus, [referred, accepted, goal]),
    );
    const state = fold(changeGoalStatus, [referred, accepted, goal, moved]);
    expect(state.status === 'accepted' && state.plan.goals[0]).toMatchObject({
      status: 'in_progress',
      history: [{ status: 'not_started' }, { status: 'in_progress', note: 'Enrolled' }],
    });
    deciderSpec(changeGoalStatus)
      .given([referred, accepted, goal, moved])
      .when({ youngPersonId: 'yp1', goalId: 'g1', status: 'in_progress', note: null, now })
      .thenFails('GOAL.STATUS_UNCHANGED');
    deciderSpec(changeGoalStatus)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', goalId: 'nope', status: 'achieved', note: null, now })
      .thenFails('GOAL.NOT_FOUND', 'goalId');
  });

  it('keeps a care leaver’s pathway review due six months after the last one', () => {
    const state = fold(reviewPlan, [referred, accepted]);
    expect(pathwayReviewDue(state)).toBe('2026-09-02');
    const [review] = reviewPlan.decide(
      { youngPersonId: 'yp1', kind: 'pathway', reviewedOn: '2026-03-31', notes: 'On track', now },
      state,
    );
    expect(pathwayReviewDue(fold(reviewPlan, [referred, accepted, review]))).toBe('2026-09-30');
    deciderSpec(reviewPlan)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', kind: 'support', reviewedOn: '2026-05-01', notes: 'x', now })
      .thenFails('PLAN.REVIEW_IN_FUTURE', 'reviewedOn');
  });
});

describe('closing at 25', () => {
  it('closes only once the young person is 25, on the manager’s command', () => {
    deciderSpec(closeCase)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', reason: 'reached_25', now })
      .thenFails('CASE.NOT_YET_25');
    deciderSpec(closeCase)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', reason: 'reached_25', now: '2032-01-01T09:00:00.000Z' })
      .then([
        {
          type: 'CaseClosed',
          data: {
            youngPersonId: 'yp1',
            reason: 'reached_25',
            closedAt: '2032-01-01T09:00:00.000Z',
          },
        },
      ]);
    deciderSpec(closeCase)
      .given([referred])
      .when({ youngPersonId: 'yp1', reason: 'reached_25', now: '2032-01-01T09:00:00.000Z' })
      .thenFails('CASE.NOT_OPEN');
  });
});

describe('correcting the referral details', () => {
  it('records only what changes, referencing the entry it corrects, and the case shows the new value', () => {
    const [fix] = correctReferral.decide(
      {
        youngPersonId: 'yp1',
        referralEventId: 'e-0',
        changes: { givenName: ' Samuel ', familyName: 'Tester' },
        reason: 'Typo at referral',
        now,
      },
      fold(correctReferral, [referred]),
    );
    expect(fix).toEqual({
      type: 'ReferralDetailsCorrected',
      data: {
        youngPersonId: 'yp1',
        corrects: 'e-0',
        changes: { givenName: 'Samuel' },
        reason: 'Typo at referral',
        correctedAt: now,
      },
    });
    const state = fold(correctReferral, [referred, fix]);
    expect(
      state.status === 'referred' && [
        state.referral.youngPerson.givenName,
        state.corrections.length,
      ],
    ).toEqual(['Samuel', 1]);
    deciderSpec(correctReferral)
      .given([referred])
      .when({
        youngPersonId: 'yp1',
        referralEventId: 'e-0',
        changes: { familyName: 'Tester' },
        reason: 'x',
        now,
      })
      .thenFails('CORRECTION.NOTHING_TO_CORRECT');
  });
});

import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpec } from '#testing/decider-spec';
import { pathwayReviewDue } from '../case-rules.state.js';
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

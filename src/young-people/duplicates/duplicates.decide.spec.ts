import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { YoungPersonEvent } from '../young-people.events.js';
import { referred } from '../young-people.test-fixtures.js';
import { decideDuplicateReferral } from './duplicates.decide.js';

const repeat = (referralId: string, possibleDuplicate: boolean): YoungPersonEvent => {
  if (referred.type !== 'ReferralReceived') throw new Error('fixture');
  const { splitFrom: _s, referralId: _r, ...details } = referred.data;
  return {
    type: 'RepeatReferralReceived',
    data: { ...details, referralId, possibleDuplicate, backToScreening: false },
  };
};
const now = '2026-06-01T09:00:00.000Z';
const spec = deciderSpec(decideDuplicateReferral);

describe('a possible duplicate referral', () => {
  it('is confirmed as the same young person', () => {
    spec
      .given([referred, repeat('r2', true)])
      .when({
        youngPersonId: 'yp1',
        referralId: 'r2',
        decision: 'confirm',
        newYoungPersonId: null,
        now,
      })
      .then([
        {
          type: 'DuplicateConfirmed',
          data: { youngPersonId: 'yp1', referralId: 'r2', confirmedAt: now },
        },
      ]);
  });

  it('is rejected, naming the case opened for the other young person', () => {
    spec
      .given([referred, repeat('r2', true)])
      .when({
        youngPersonId: 'yp1',
        referralId: 'r2',
        decision: 'reject',
        newYoungPersonId: 'yp9',
        now,
      })
      .then([
        {
          type: 'DuplicateRejected',
          data: {
            youngPersonId: 'yp1',
            referralId: 'r2',
            newYoungPersonId: 'yp9',
            rejectedAt: now,
          },
        },
      ]);
  });

  it('is decided once, and only when it was flagged', () => {
    const confirmed: YoungPersonEvent = {
      type: 'DuplicateConfirmed',
      data: { youngPersonId: 'yp1', referralId: 'r2', confirmedAt: now },
    };
    spec
      .given([referred, repeat('r2', true), confirmed])
      .when({
        youngPersonId: 'yp1',
        referralId: 'r2',
        decision: 'reject',
        newYoungPersonId: 'yp9',
        now,
      })
      .thenFails('DUPLICATE.ALREADY_DECIDED');
    spec
      .given([referred, repeat('r3', false)])
      .when({
        youngPersonId: 'yp1',
        referralId: 'r3',
        decision: 'confirm',
        newYoungPersonId: null,
        now,
      })
      .thenFails('DUPLICATE.NOT_FOUND', 'referralId');
  });
});

import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { YoungPersonEvent } from '../young-people.events.js';
import { referred } from '../young-people.test-fixtures.js';
import { declineReferral } from './decline-referral.decide.js';

const now = '2026-03-02T10:00:00.000Z';
const declined: YoungPersonEvent = {
  type: 'ReferralDeclined',
  data: { youngPersonId: 'yp1', reason: 'Out of area', declinedAt: now },
};
const accepted: YoungPersonEvent = {
  type: 'ReferralAccepted',
  data: { youngPersonId: 'yp1', acceptedAt: now },
};

describe('decline a referral', () => {
  it('declines a referral awaiting a decision, with the reason', () => {
    deciderSpec(declineReferral)
      .given([referred])
      .when({ youngPersonId: 'yp1', reason: ' Out of area ', now })
      .then([declined]);
  });

  it('refuses once the referral is decided either way', () => {
    for (const decided of [accepted, declined]) {
      deciderSpec(declineReferral)
        .given([referred, decided])
        .when({ youngPersonId: 'yp1', reason: 'x', now })
        .thenFails('YOUNG_PERSON.NOT_REFERRED');
    }
  });

  it('answers not found for a case that does not exist', () => {
    deciderSpec(declineReferral)
      .given([])
      .when({ youngPersonId: 'yp1', reason: 'x', now })
      .thenFails('YOUNG_PERSON.NOT_FOUND');
  });
});

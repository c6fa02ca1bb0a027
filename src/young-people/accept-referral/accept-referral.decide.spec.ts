import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { YoungPersonEvent } from '../young-people.events.js';
import { acceptReferral } from './accept-referral.decide.js';
import { referred } from '../young-people.test-fixtures.js';

const now = '2026-03-02T10:00:00.000Z';
const accepted: YoungPersonEvent = {
  type: 'ReferralAccepted',
  data: { youngPersonId: 'yp1', acceptedAt: now },
};
const declined: YoungPersonEvent = {
  type: 'ReferralDeclined',
  data: { youngPersonId: 'yp1', reason: 'Out of area', declinedAt: now },
};

describe('accept a referral', () => {
  it('accepts a referral awaiting a decision', () => {
    deciderSpec(acceptReferral)
      .given([referred])
      .when({ youngPersonId: 'yp1', now })
      .then([accepted]);
  });

  it('refuses to accept a declined referral, or decide twice', () => {
    deciderSpec(acceptReferral)
      .given([referred, declined])
      .when({ youngPersonId: 'yp1', now })
      .thenFails('YOUNG_PERSON.NOT_REFERRED');
    deciderSpec(acceptReferral)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', now })
      .thenFails('YOUNG_PERSON.NOT_REFERRED');
  });

  it('answers not found for a case that does not exist', () => {
    deciderSpec(acceptReferral)
      .given([])
      .when({ youngPersonId: 'yp1', now })
      .thenFails('YOUNG_PERSON.NOT_FOUND');
  });
});

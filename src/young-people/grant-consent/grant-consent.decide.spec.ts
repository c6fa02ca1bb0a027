import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { referred } from '../young-people.test-fixtures.js';
import { grantConsent } from './grant-consent.decide.js';

const now = '2026-03-05T10:00:00.000Z';
const granted = {
  type: 'ConsentGranted' as const,
  data: { youngPersonId: 'yp1', visitorId: 'v1', visitorName: 'Vic Visitor', grantedAt: now },
};

describe('consent for an independent visitor', () => {
  it('is recorded, and cannot be given twice while in force', () => {
    deciderSpec(grantConsent)
      .given([referred])
      .when({ youngPersonId: 'yp1', visitorId: 'v1', visitorName: ' Vic Visitor ', now })
      .then([granted]);
    deciderSpec(grantConsent)
      .given([referred, granted])
      .when({ youngPersonId: 'yp1', visitorId: 'v1', visitorName: 'Vic Visitor', now })
      .thenFails('CONSENT.ALREADY_IN_FORCE', 'visitorId');
  });
});

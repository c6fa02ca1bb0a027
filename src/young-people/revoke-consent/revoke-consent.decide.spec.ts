import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { referred } from '../young-people.test-fixtures.js';
import { revokeConsent } from './revoke-consent.decide.js';

const now = '2026-03-05T10:00:00.000Z';
const granted = {
  type: 'ConsentGranted' as const,
  data: { youngPersonId: 'yp1', visitorId: 'v1', visitorName: 'Vic Visitor', grantedAt: now },
};

describe('revoking consent', () => {
  it('can be revoked while in force, and only then', () => {
    deciderSpec(revokeConsent)
      .given([referred, granted])
      .when({ youngPersonId: 'yp1', visitorId: 'v1', now })
      .then([
        { type: 'ConsentRevoked', data: { youngPersonId: 'yp1', visitorId: 'v1', revokedAt: now } },
      ]);
    deciderSpec(revokeConsent)
      .given([referred])
      .when({ youngPersonId: 'yp1', visitorId: 'v1', now })
      .thenFails('CONSENT.NOT_IN_FORCE');
  });
});

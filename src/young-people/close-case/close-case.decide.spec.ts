import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { closeCase } from './close-case.decide.js';
import type { YoungPersonEvent } from '../young-people.events.js';
import { referred } from '../young-people.test-fixtures.js';

// The fixture is a care leaver born 2007-01-01.
const accepted: YoungPersonEvent = {
  type: 'ReferralAccepted',
  data: { youngPersonId: 'yp1', acceptedAt: '2026-03-02T10:00:00.000Z' },
};
const now = '2026-04-01T09:00:00.000Z';

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

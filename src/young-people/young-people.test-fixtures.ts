import type { YoungPersonEvent } from './young-people.events.js';

/** Generated test data: no real person. */
export const referred: YoungPersonEvent = {
  type: 'ReferralReceived',
  data: {
    youngPersonId: 'yp1',
    hubId: 'h1',
    category: 'care_leaver',
    youngPerson: { givenName: 'Sam', familyName: 'Tester', dateOfBirth: '2007-01-01' },
    socialWorker: { name: 'Alex Worker', team: 'Leaving Care' },
    reason: 'Needs support',
    referredAt: '2026-03-01T09:00:00.000Z',
  },
};

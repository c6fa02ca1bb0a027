import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpec } from '#testing/decider-spec';
import { correctReferral } from './correct-referral.decide.js';
import { referred } from '../young-people.test-fixtures.js';

// The fixture is a care leaver born 2007-01-01.
const now = '2026-04-01T09:00:00.000Z';

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

import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { referred } from '../young-people.test-fixtures.js';
import { accepted, at } from '../case-lifecycle.test-fixtures.js';
import { recordScreeningNote } from '../screening/record-screening-note.decide.js';

describe('screening', () => {
  it('records notes while the referral awaits a decision, and not after', () => {
    deciderSpec(recordScreeningNote)
      .given([referred])
      .when({ youngPersonId: 'yp1', note: ' Spoke to the social worker ', now: at })
      .then([
        {
          type: 'ScreeningNoteRecorded',
          data: { youngPersonId: 'yp1', note: 'Spoke to the social worker', recordedAt: at },
        },
      ]);
    deciderSpec(recordScreeningNote)
      .given([referred, accepted])
      .when({ youngPersonId: 'yp1', note: 'x', now: at })
      .thenFails('REFERRAL.ALREADY_DECIDED');
  });
});

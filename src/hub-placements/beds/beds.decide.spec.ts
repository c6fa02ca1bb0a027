import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { HubEvent } from '../hub-placements.events.js';
import { admitted, opened } from '../hub-placements.test-fixtures.js';
import {
  recordHubRegistration,
  returnBedToUse,
  setStayThreshold,
  takeBedOutOfUse,
} from './beds.decide.js';

const outOfUse: HubEvent = {
  type: 'BedTakenOutOfUse',
  data: { hubId: 'h1', bedId: 'planned-1', reason: 'Repairs', from: '2026-01-10' },
};
const takeOut = { hubId: 'h1', bedId: 'planned-1', reason: ' Repairs ', from: '2026-01-10' };

describe('beds out of use, back in use, and how long a stay may last', () => {
  it('takes an empty bed out of use with the reason, and returns it to use', () => {
    deciderSpec(takeBedOutOfUse).given([opened]).when(takeOut).then([outOfUse]);
    deciderSpec(returnBedToUse)
      .given([opened, outOfUse])
      .when({ hubId: 'h1', bedId: 'planned-1', on: '2026-01-20' })
      .then([
        {
          type: 'BedReturnedToUse',
          data: { hubId: 'h1', bedId: 'planned-1', on: '2026-01-20' },
        },
      ]);
  });

  it('refuses an occupied bed, a bed already out of use, and returning one in use', () => {
    deciderSpec(takeBedOutOfUse)
      .given([opened, admitted('yp1')])
      .when(takeOut)
      .thenFails('PLACEMENT.BED_OCCUPIED');
    deciderSpec(takeBedOutOfUse)
      .given([opened, outOfUse])
      .when(takeOut)
      .thenFails('BED.ALREADY_OUT_OF_USE');
    deciderSpec(returnBedToUse)
      .given([opened])
      .when({ hubId: 'h1', bedId: 'planned-1', on: '2026-01-20' })
      .thenFails('BED.IN_USE');
  });

  it('answers not found for a bed or hub that does not exist', () => {
    deciderSpec(takeBedOutOfUse)
      .given([opened])
      .when({ ...takeOut, bedId: 'planned-9' })
      .thenFails('BED.NOT_FOUND', 'bedId');
    deciderSpec(takeBedOutOfUse).given([]).when(takeOut).thenFails('HUB.NOT_FOUND');
    deciderSpec(setStayThreshold)
      .given([])
      .when({ hubId: 'h1', weeks: 12, now: '2026-01-02T09:00:00.000Z' })
      .thenFails('HUB.NOT_FOUND');
  });

  it('sets the stay threshold in weeks', () => {
    deciderSpec(setStayThreshold)
      .given([opened])
      .when({ hubId: 'h1', weeks: 12, now: '2026-01-02T09:00:00.000Z' })
      .then([
        {
          type: 'StayThresholdSet',
          data: { hubId: 'h1', weeks: 12, setAt: '2026-01-02T09:00:00.000Z' },
        },
      ]);
  });

  it('records the hub’s council and Ofsted number once; the same again adds nothing', () => {
    const now = '2026-01-05T09:00:00.000Z';
    const registered: HubEvent = {
      type: 'HubRegistrationRecorded',
      data: { hubId: 'h1', laCode: 'E10000014', ofstedUrn: 'SC123456', recordedAt: now },
    };
    const command = { hubId: 'h1', laCode: 'E10000014', ofstedUrn: 'SC123456', now };
    deciderSpec(recordHubRegistration).given([opened]).when(command).then([registered]);
    deciderSpec(recordHubRegistration).given([opened, registered]).when(command).then([]);
    deciderSpec(recordHubRegistration)
      .given([opened, registered])
      .when({ ...command, ofstedUrn: 'SC654321' })
      .then([{ ...registered, data: { ...registered.data, ofstedUrn: 'SC654321' } }]);
    deciderSpec(recordHubRegistration).given([]).when(command).thenFails('HUB.NOT_FOUND');
  });
});

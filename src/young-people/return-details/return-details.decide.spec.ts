import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { referred } from '../young-people.test-fixtures.js';
import { accepted, at } from '../case-lifecycle.test-fixtures.js';
import { recordReturnDetails, type RecordReturnDetails } from './return-details.decide.js';

const girl: RecordReturnDetails = {
  youngPersonId: 'yp1',
  childId: ' HC0001 ',
  sex: 'F',
  ethnicity: 'WBRI',
  upn: null,
  upnReason: 'UN4',
  mother: '0',
  babyDateOfBirth: null,
  cin: 'N4',
  homePostcode: 'SO23 8UJ',
  uasc: false,
  uascCeasedOn: null,
  now: at,
};

describe('recording the return’s details', () => {
  it('records them (the child id trimmed), and records them again as a whole', () => {
    deciderSpec(recordReturnDetails)
      .given([referred, accepted])
      .when(girl)
      .then([
        {
          type: 'ReturnDetailsRecorded',
          data: {
            youngPersonId: 'yp1',
            childId: 'HC0001',
            sex: 'F',
            ethnicity: 'WBRI',
            upn: null,
            upnReason: 'UN4',
            mother: '0',
            babyDateOfBirth: null,
            cin: 'N4',
            homePostcode: 'SO23 8UJ',
            uasc: null,
            recordedAt: at,
          },
        },
      ]);
  });

  it('keeps a UASC young person’s ceased date', () => {
    const spec = deciderSpec(recordReturnDetails).given([referred]);
    spec.when({ ...girl, uasc: true, uascCeasedOn: '2025-01-01' }).then([
      {
        type: 'ReturnDetailsRecorded',
        data: expectData({ uasc: { ceasedOn: '2025-01-01' } }),
      },
    ]);
  });

  it('refuses what the DfE would reject, naming the field', () => {
    const spec = () => deciderSpec(recordReturnDetails).given([referred]);
    spec()
      .when({ ...girl, upn: null, upnReason: null })
      .thenFails('RETURN.UPN_OR_REASON');
    spec()
      .when({ ...girl, upn: 'A123456789012' })
      .thenFails('RETURN.UPN_OR_REASON');
    spec()
      .when({ ...girl, sex: 'M' })
      .thenFails('RETURN.MOTHER_IS_FEMALE');
    spec()
      .when({ ...girl, mother: null })
      .thenFails('RETURN.MOTHER_REQUIRED');
    spec()
      .when({ ...girl, mother: '1' })
      .thenFails('RETURN.BABY_DATE_OF_BIRTH');
    spec()
      .when({ ...girl, mother: '1', babyDateOfBirth: '2006-01-01' })
      .thenFails('RETURN.BABY_DATE_OF_BIRTH');
    spec()
      .when({ ...girl, mother: '0', babyDateOfBirth: '2025-01-01' })
      .thenFails('RETURN.BABY_DATE_OF_BIRTH');
    spec()
      .when({ ...girl, uasc: true, uascCeasedOn: '2006-12-31' })
      .thenFails('RETURN.UASC_CEASED');
    deciderSpec(recordReturnDetails).given([]).when(girl).thenFails('YOUNG_PERSON.NOT_FOUND');
  });
});

function expectData(over: Record<string, unknown>) {
  return {
    youngPersonId: 'yp1',
    childId: 'HC0001',
    sex: 'F' as const,
    ethnicity: 'WBRI',
    upn: null,
    upnReason: 'UN4',
    mother: '0' as const,
    babyDateOfBirth: null,
    cin: 'N4',
    homePostcode: 'SO23 8UJ',
    uasc: null,
    recordedAt: at,
    ...over,
  } as never;
}

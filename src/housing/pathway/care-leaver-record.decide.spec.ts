import { describe, expect, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { HousingPathwayEvent } from '../housing.events.js';
import { oc3Window, recordCareLeaver, type RecordCareLeaver } from './care-leaver-record.decide.js';
import { careLeaverRecordV1toV2 } from './care-leaver-record.upcasters.js';
import { person } from './housing-pathway.test-fixtures.js';

describe('care leaver (OC3) records', () => {
  it('takes OC3 from 3 months before to 1 month after the birthday, once, with codes when in touch', () => {
    expect(oc3Window('2008-06-15', 18)).toEqual({
      birthday: '2026-06-15',
      from: '2026-03-15',
      to: '2026-07-15',
    });
    expect(oc3Window('2008-02-29', 17).birthday).toBe('2025-02-28');
    const record = (over: Partial<RecordCareLeaver> = {}): RecordCareLeaver => ({
      ...person,
      age: 18,
      careLeaverByHistory: false,
      inTouch: 'YES',
      activ: 'F2',
      accom: 'E1',
      ...over,
    });
    const made: HousingPathwayEvent = {
      type: 'CareLeaverRecordMade',
      data: {
        youngPersonId: 'yp1',
        hubId: 'h1',
        age: 18,
        birthday: '2026-06-15',
        inTouch: 'YES',
        activ: 'F2',
        accom: 'E1',
        recordedOn: '2026-05-01',
        // The 18th birthday (15 June 2026) is in 2026-27, though recorded in 2025-26.
        collectionYear: '2026-27',
      },
    };
    deciderSpec(recordCareLeaver).given([]).when(record()).then([made]);
    deciderSpec(recordCareLeaver)
      .given([made])
      .when(record())
      .thenFails('OC3.ALREADY_RECORDED', 'age');
    deciderSpec(recordCareLeaver)
      .given([])
      .when(record({ today: '2026-03-14' }))
      .thenFails('OC3.OUTSIDE_WINDOW', 'age');
    deciderSpec(recordCareLeaver)
      .given([])
      .when(record({ activ: null }))
      .thenFails('OC3.ACTIVITY_REQUIRED', 'activ');
    deciderSpec(recordCareLeaver)
      .given([])
      .when(record({ category: 'edge_of_care' }))
      .thenFails('OC3.NOT_A_CARE_LEAVER');
    // Referred on the edge of care, then looked after long enough in the hub: a care leaver too.
    deciderSpec(recordCareLeaver)
      .given([])
      .when(record({ category: 'edge_of_care', careLeaverByHistory: true }))
      .then([made]);
    // Not in touch: activity and accommodation are 0 in the return, never left empty.
    deciderSpec(recordCareLeaver)
      .given([])
      .when(record({ inTouch: 'NO', activ: null, accom: null }))
      .then([{ ...made, data: { ...made.data, inTouch: 'NO', activ: '0', accom: '0' } }]);
    deciderSpec(recordCareLeaver)
      .given([])
      .when(record({ inTouch: 'NO', activ: null }))
      .thenFails('OC3.NOT_IN_TOUCH', 'accom');
  });

  it('reads a version 1 OC3 record (BY/BN codes, nulls) as version 2', () => {
    const v1 = {
      youngPersonId: 'yp1',
      hubId: 'h1',
      age: 18,
      birthday: '2026-06-15',
      inTouch: 'YES',
      activ: 'F2',
      accom: 'EY',
      recordedOn: '2026-05-01',
      collectionYear: '2025-26',
    };
    const up = careLeaverRecordV1toV2.up;
    expect(up(v1)).toEqual({ ...v1, accom: 'E1' });
    expect(up({ ...v1, accom: 'KN' }).accom).toBe('K2');
    expect(up({ ...v1, accom: 'SY' }).accom).toBe('S2');
    expect(up({ ...v1, accom: 'XN' }).accom).toBe('X2');
    expect(up({ ...v1, inTouch: 'NO', activ: null, accom: null })).toMatchObject({
      activ: '0',
      accom: '0',
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import { careLeaverRecordV1toV2 } from './pathway/care-leaver-record.upcasters.js';
import { deciderSpec } from '#testing/decider-spec';
import type { HousingOptionEvent, HousingPathwayEvent } from './housing.events.js';
import {
  moveIn,
  registerOption,
  suspendOption,
  type MoveIn,
} from './options/housing-option.decide.js';
import {
  oc3Window,
  recordCareLeaver,
  type RecordCareLeaver,
} from './pathway/care-leaver-record.decide.js';
import { changeTenancy, setPlan, type CaseOfPathway } from './pathway/housing-pathway.decide.js';

const registered = (
  kind: 'supported_lodgings' | 'supported_accommodation' | 'training_flat',
  capacity = 1,
  ofsted: string | null = null,
): HousingOptionEvent => ({
  type: 'HousingOptionRegistered',
  data: {
    optionId: 'o1',
    hubId: 'h1',
    kind,
    name: 'Option',
    capacity,
    ageRange: { min: 16, max: 21 },
    approvedOn: kind === 'supported_lodgings' ? '2026-01-01' : null,
    ofstedRegistration: ofsted,
    moveOnType: null,
    registeredAt: '2026-01-01T00:00:00.000Z',
  },
});
const move = (over: Partial<MoveIn> = {}): MoveIn => ({
  optionId: 'o1',
  hubId: 'h1',
  youngPersonId: 'yp1',
  caseStatus: 'accepted',
  caseHubId: 'h1',
  ageOnMove: 17,
  on: '2026-03-01',
  reason: 'Ready',
  planned: true,
  ...over,
});
const movedIn = (
  youngPersonId = 'yp1',
  kind = 'supported_lodgings' as const,
): HousingOptionEvent => ({
  type: 'YoungPersonMovedIn',
  data: {
    optionId: 'o1',
    hubId: 'h1',
    kind,
    optionName: 'Option',
    youngPersonId,
    on: '2026-03-01',
    reason: 'Ready',
    planned: true,
  },
});

describe('the rules that protect young people', () => {
  it('places no one under 16 in supported lodgings or supported accommodation', () => {
    deciderSpec(moveIn)
      .given([registered('supported_lodgings')])
      .when(move({ ageOnMove: 15 }))
      .thenFails('HOUSING.UNDER_16');
    deciderSpec(moveIn)
      .given([registered('supported_accommodation', 1, 'URN1')])
      .when(move({ ageOnMove: 15 }))
      .thenFails('HOUSING.UNDER_16');
    deciderSpec(registerOption)
      .given([])
      .when({
        ...registered('supported_lodgings').data,
        ageRange: { min: 15, max: 18 },
        now: '2026-01-01T00:00:00.000Z',
      } as never)
      .thenFails('HOUSING.UNDER_16', 'ageRange.min');
    deciderSpec(moveIn)
      .given([registered('supported_lodgings')])
      .when(move())
      .then([movedIn()]);
  });

  it('refuses an option with no vacancy, a suspended one, and unregistered accommodation for under-18s', () => {
    deciderSpec(moveIn)
      .given([registered('supported_lodgings'), movedIn('yp2')])
      .when(move())
      .thenFails('HOUSING.NO_VACANCY');
    deciderSpec(moveIn)
      .given([
        registered('supported_lodgings', 2),
        {
          type: 'HousingOptionSuspended',
          data: { optionId: 'o1', hubId: 'h1', reason: 'Review', from: '2026-02-01' },
        },
      ])
      .when(move())
      .thenFails('HOUSING.OPTION_SUSPENDED');
    deciderSpec(moveIn)
      .given([registered('supported_accommodation')])
      .when(move())
      .thenFails('HOUSING.PROVIDER_NOT_REGISTERED');
    deciderSpec(moveIn)
      .given([registered('supported_accommodation')])
      .when(move({ ageOnMove: 18 }))
      .then([movedIn('yp1', 'supported_accommodation' as never)]);
    deciderSpec(moveIn)
      .given([registered('training_flat')])
      .when(move({ caseStatus: 'referred' }))
      .thenFails('CASE.NOT_ACCEPTED');
    deciderSpec(suspendOption)
      .given([registered('training_flat')])
      .when({ optionId: 'o1', hubId: 'h1', suspend: false, reason: 'x', on: '2026-03-01' })
      .thenFails('HOUSING.NOT_SUSPENDED');
  });
});

const person: CaseOfPathway = {
  youngPersonId: 'yp1',
  hubId: 'h1',
  caseStatus: 'accepted',
  category: 'care_leaver',
  dateOfBirth: '2008-06-15',
  today: '2026-05-01',
};

describe('plans, tenancies and care leaver records', () => {
  it('keeps accommodation plans for 16 and over', () => {
    deciderSpec(setPlan)
      .given([])
      .when({ ...person, dateOfBirth: '2010-06-15', targetMoves: [], notes: '' })
      .thenFails('HOUSING.PLAN_UNDER_16');
    deciderSpec(setPlan)
      .given([])
      .when({ ...person, targetMoves: [{ to: 'Flat', by: '2026-09-01' }], notes: '' })
      .then([
        {
          type: 'AccommodationPlanSet',
          data: {
            youngPersonId: 'yp1',
            hubId: 'h1',
            targetMoves: [{ to: 'Flat', by: '2026-09-01' }],
            notes: '',
            setOn: '2026-05-01',
          },
        },
      ]);
  });

  it('needs an arrears amount, and resolves only open concerns', () => {
    const started: HousingPathwayEvent = {
      type: 'TenancyStarted',
      data: {
        tenancyId: 't1',
        youngPersonId: 'yp1',
        hubId: 'h1',
        landlordType: 'council',
        start: '2026-04-01',
        weeklyRent: 90,
        address: 'A',
      },
    };
    const change = {
      ...person,
      tenancyId: 't1',
      on: '2026-04-20',
      detail: 'behind',
      arrears: null,
      planned: false,
    };
    deciderSpec(changeTenancy)
      .given([started])
      .when({ ...change, action: 'concern', concern: 'arrears' })
      .thenFails('TENANCY.ARREARS_AMOUNT_REQUIRED', 'arrears');
    deciderSpec(changeTenancy)
      .given([started])
      .when({ ...change, action: 'resolve', concern: 'arrears' })
      .thenFails('TENANCY.CONCERN_NOT_OPEN', 'concern');
    deciderSpec(changeTenancy)
      .given([started])
      .when({ ...change, on: '2026-03-01', action: 'end', concern: null })
      .thenFails('TENANCY.BEFORE_START', 'on');
  });

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
      inTouch: 'YES',
      activ: 'F2',
      accom: 'E1',
      collectionYear: '2025-26',
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
        collectionYear: '2025-26',
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

import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { HousingPathwayEvent } from '../housing.events.js';
import { changeTenancy, setPlan } from './housing-pathway.decide.js';
import { person } from './housing-pathway.test-fixtures.js';

describe('plans and tenancies', () => {
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
});

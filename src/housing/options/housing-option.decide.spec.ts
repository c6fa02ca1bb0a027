import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { HousingOptionEvent } from '../housing.events.js';
import { moveIn, registerOption, suspendOption, type MoveIn } from './housing-option.decide.js';

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

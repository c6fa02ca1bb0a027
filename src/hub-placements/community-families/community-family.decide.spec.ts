import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import type { CommunityFamilyEvent } from './community-family.events.js';
import {
  changeFamilyLegalStatus,
  endFamilyPlacement,
  placeWithFamily,
  registerFamily,
  type PlaceWithFamily,
} from './community-family.decide.js';

const now = '2026-03-01T10:00:00.000Z';
const registered: CommunityFamilyEvent = {
  type: 'CommunityFamilyRegistered',
  data: {
    familyId: 'f1',
    hubId: 'h1',
    name: 'The Generated Family',
    approvedOn: '2026-01-10',
    capacity: 1,
    ageRange: { min: 12, max: 16 },
    registeredAt: now,
  },
};
const episode = {
  collectionYear: '2025-26',
  rne: 'P',
  ls: 'C2',
  place: 'U3',
  placeProvider: 'PR1',
  reasonPlaceChange: 'CARPL',
  postcode: 'yo1 7hh',
  outOfArea: false,
};
const placing = (youngPersonId: string, more: Partial<PlaceWithFamily> = {}): PlaceWithFamily => ({
  familyId: 'f1',
  hubId: 'h1',
  youngPersonId,
  caseStatus: 'accepted',
  caseHubId: 'h1',
  ageOnStart: 14,
  from: '2026-03-02',
  episode,
  ...more,
});
const placed = (youngPersonId: string): CommunityFamilyEvent => ({
  type: 'YoungPersonPlacedWithFamily',
  data: {
    familyId: 'f1',
    hubId: 'h1',
    youngPersonId,
    from: '2026-03-02',
    episode: { ...episode, postcode: 'YO1 7HH' },
  },
});

describe('community families', () => {
  it('registers approved carers with a capacity and an age range', () => {
    deciderSpec(registerFamily)
      .given([])
      .when({
        familyId: 'f1',
        hubId: 'h1',
        name: ' The Generated Family ',
        approvedOn: '2026-01-10',
        capacity: 1,
        ageRange: { min: 12, max: 16 },
        now,
      })
      .then([registered]);
    deciderSpec(registerFamily)
      .given([])
      .when({
        familyId: 'f1',
        hubId: 'h1',
        name: 'x',
        approvedOn: '2026-01-10',
        capacity: 1,
        ageRange: { min: 17, max: 16 },
        now,
      })
      .thenFails('FAMILY.AGE_RANGE_INVALID', 'ageRange.min');
  });

  it('places young people while there is a vacancy and they are in the age range', () => {
    const spec = deciderSpec(placeWithFamily);
    spec
      .given([registered])
      .when(placing('yp1'))
      .then([placed('yp1')]);
    spec
      .given([registered, placed('yp1')])
      .when(placing('yp2'))
      .thenFails('PLACEMENT.FAMILY_FULL');
    spec
      .given([registered])
      .when(placing('yp2', { ageOnStart: 17 }))
      .thenFails('PLACEMENT.OUTSIDE_AGE_RANGE');
    spec
      .given([registered])
      .when(placing('yp2', { caseStatus: 'referred' }))
      .thenFails('YOUNG_PERSON.NOT_ACCEPTED');
    spec
      .given([registered])
      .when(placing('yp2', { hubId: 'h2' }))
      .thenFails('FAMILY.NOT_FOUND');
  });

  it('ends a placement, which frees the vacancy', () => {
    const end = {
      familyId: 'f1',
      hubId: 'h1',
      youngPersonId: 'yp1',
      on: '2026-04-01',
      reason: 'Moved on',
      rec: null,
      reasonPlaceChange: null,
    };
    deciderSpec(endFamilyPlacement)
      .given([registered, placed('yp1')])
      .when(end)
      .then([{ type: 'FamilyPlacementEnded', data: end }]);
    deciderSpec(placeWithFamily)
      .given([registered, placed('yp1'), { type: 'FamilyPlacementEnded', data: end }])
      .when(placing('yp2'))
      .then([placed('yp2')]);
    deciderSpec(endFamilyPlacement).given([registered]).when(end).thenFails('PLACEMENT.NOT_PLACED');
  });

  it('records a new legal status while someone lives with the family, from a day inside the placement', () => {
    const change = {
      familyId: 'f1',
      hubId: 'h1',
      youngPersonId: 'yp1',
      on: '2026-04-01',
      ls: 'C1',
    };
    const changed: CommunityFamilyEvent = {
      type: 'FamilyLegalStatusChanged',
      data: { ...change, previous: 'C2' },
    };
    const spec = deciderSpec(changeFamilyLegalStatus);
    spec
      .given([registered, placed('yp1')])
      .when(change)
      .then([changed]);
    // Back again: the state follows the last change.
    spec
      .given([registered, placed('yp1'), changed])
      .when({ ...change, on: '2026-05-01', ls: 'C2' })
      .then([
        {
          type: 'FamilyLegalStatusChanged',
          data: { ...change, on: '2026-05-01', ls: 'C2', previous: 'C1' },
        },
      ]);
    spec
      .given([registered, placed('yp1'), changed])
      .when(change)
      .thenFails('PLACEMENT.LEGAL_STATUS_SAME', 'ls');
    spec
      .given([registered, placed('yp1')])
      .when({ ...change, on: '2026-03-01' })
      .thenFails('PLACEMENT.LEGAL_STATUS_BEFORE_START', 'on');
    spec.given([registered]).when(change).thenFails('PLACEMENT.NOT_PLACED');
  });
});

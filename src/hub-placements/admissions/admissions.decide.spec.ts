import { describe, expect, it } from '@jest/globals';
import { fold } from '#kernel';
import { deciderSpec } from '#testing/decider-spec';
import { takeBedOutOfUse, returnBedToUse } from '../beds/beds.decide.js';
import {
  admit,
  changeLegalStatus,
  discharge,
  moveBed,
  type Admit,
  type MoveBed,
} from './admissions.decide.js';
import { admitted, episode, opened } from '../hub-placements.test-fixtures.js';

const admitting = (youngPersonId: string, more: Partial<Admit> = {}): Admit => ({
  hubId: 'h1',
  youngPersonId,
  caseStatus: 'accepted',
  caseHubId: 'h1',
  bedId: null,
  kind: 'planned',
  from: '2026-02-01',
  plannedEnd: '2026-03-01',
  episode,
  ...more,
});
describe('admission to a bed', () => {
  const spec = deciderSpec(admit);

  it('admits an accepted young person of this hub to a free bed, with the episode data', () => {
    spec
      .given([opened])
      .when(admitting('yp1'))
      .then([admitted('yp1')]);
    spec
      .given([opened])
      .when(admitting('yp1', { kind: 'emergency' }))
      .then([admitted('yp1', 'emergency-1')]);
  });

  it('refuses an occupied bed, a full hub, and a second bed for the same young person', () => {
    spec
      .given([opened, admitted('yp1')])
      .when(admitting('yp2', { bedId: 'planned-1' }))
      .thenFails('PLACEMENT.BED_OCCUPIED', 'bedId');
    spec
      .given([opened, admitted('yp1')])
      .when(admitting('yp2'))
      .thenFails('PLACEMENT.HUB_FULL');
    spec
      .given([opened, admitted('yp1')])
      .when(admitting('yp1', { kind: 'emergency' }))
      .thenFails('PLACEMENT.ALREADY_IN_BED');
  });

  it('refuses a bed out of use, a case not accepted or of another hub, and a wrong provider', () => {
    const out = takeBedOutOfUse.decide(
      { hubId: 'h1', bedId: 'planned-1', reason: 'Repairs', from: '2026-01-10' },
      fold(admit, [opened]),
    );
    spec
      .given([opened, ...out])
      .when(admitting('yp1', { bedId: 'planned-1' }))
      .thenFails('PLACEMENT.BED_OUT_OF_USE');
    spec
      .given([opened, ...out])
      .when(admitting('yp1'))
      .thenFails('PLACEMENT.HUB_FULL');
    const back = returnBedToUse.decide(
      { hubId: 'h1', bedId: 'planned-1', on: '2026-01-20' },
      fold(admit, [opened, ...out]),
    );
    spec
      .given([opened, ...out, ...back])
      .when(admitting('yp1'))
      .then([admitted('yp1')]);
    spec
      .given([opened])
      .when(admitting('yp1', { caseStatus: 'referred' }))
      .thenFails('YOUNG_PERSON.NOT_ACCEPTED');
    spec
      .given([opened])
      .when(admitting('yp1', { caseHubId: 'h2' }))
      .thenFails('PLACEMENT.OTHER_HUB');
    spec
      .given([opened])
      .when(admitting('yp1', { episode: { ...episode, placeProvider: null } }))
      .thenFails('SSDA903.PROVIDER_REQUIRED', 'episode.placeProvider');
    spec
      .given([opened])
      .when(admitting('yp1', { episode: { ...episode, place: 'T1' } }))
      .thenFails('SSDA903.PROVIDER_MUST_BE_BLANK');
  });
});

describe('discharge from a bed', () => {
  it('frees the bed and records where the young person moved, inside the one case', () => {
    const [left] = discharge.decide(
      {
        hubId: 'h1',
        youngPersonId: 'yp1',
        on: '2026-02-20',
        destination: 'community_family',
        reason: 'Matched with carers',
        rec: null,
        reasonPlaceChange: 'CARPL',
      },
      fold(discharge, [opened, admitted('yp1')]),
    );
    expect(left).toMatchObject({
      type: 'YoungPersonDischarged',
      data: { bedId: 'planned-1', destination: 'community_family' },
    });
    const hub = fold(discharge, [opened, admitted('yp1'), left]);
    expect(hub.status === 'open' && hub.beds[0].occupant).toBeNull();
    deciderSpec(discharge)
      .given([opened])
      .when({
        hubId: 'h1',
        youngPersonId: 'yp1',
        on: '2026-02-20',
        destination: 'elsewhere',
        reason: 'x',
        rec: null,
        reasonPlaceChange: null,
      })
      .thenFails('PLACEMENT.NOT_IN_BED');
  });

  it('asks why the episode ends for any move but to a community family of the hub', () => {
    const leaving = {
      hubId: 'h1',
      youngPersonId: 'yp1',
      on: '2026-02-20',
      destination: 'home_to_family' as const,
      reason: 'Home',
      rec: null,
      reasonPlaceChange: null,
    };
    deciderSpec(discharge)
      .given([opened, admitted('yp1')])
      .when(leaving)
      .thenFails('PLACEMENT.REASON_CEASED_REQUIRED', 'rec');
    const [left] = discharge.decide(
      { ...leaving, rec: 'E4A' },
      fold(discharge, [opened, admitted('yp1')]),
    );
    expect(left.data).toMatchObject({ destination: 'home_to_family', rec: 'E4A' });
  });
});

describe('a move to another bed of the hub', () => {
  const spec = deciderSpec(moveBed);
  const moving = (more: Partial<MoveBed> = {}): MoveBed => ({
    hubId: 'h1',
    youngPersonId: 'yp1',
    toBedId: 'planned-1',
    on: '2026-02-10',
    reason: ' A planned bed came free ',
    ...more,
  });

  it('moves the stay to the free bed: the same admission, now in the other bed', () => {
    const moved = {
      type: 'YoungPersonMovedBed',
      data: {
        hubId: 'h1',
        youngPersonId: 'yp1',
        fromBedId: 'emergency-1',
        toBedId: 'planned-1',
        emergency: false,
        on: '2026-02-10',
        reason: 'A planned bed came free',
      },
    } as const;
    spec
      .given([opened, admitted('yp1', 'emergency-1')])
      .when(moving())
      .then([moved]);
    const hub = fold(moveBed, [opened, admitted('yp1', 'emergency-1'), moved]);
    if (hub.status !== 'open') throw new Error('hub not open');
    expect(hub.beds.map((b) => [b.bedId, b.occupant?.youngPersonId ?? null])).toEqual([
      ['planned-1', 'yp1'],
      ['emergency-1', null],
    ]);
    // The stay goes on from the day they came, so it is discharged as one.
    expect(hub.beds[0].occupant?.from).toBe('2026-02-01');
  });

  it('refuses the bed they are in, a bed taken or out of use, no such bed, a date before they came', () => {
    spec
      .given([opened, admitted('yp1', 'emergency-1')])
      .when(moving({ toBedId: 'emergency-1' }))
      .thenFails('PLACEMENT.SAME_BED', 'toBedId');
    spec
      .given([opened, admitted('yp1', 'emergency-1'), admitted('yp2')])
      .when(moving())
      .thenFails('PLACEMENT.BED_OCCUPIED', 'toBedId');
    const out = takeBedOutOfUse.decide(
      { hubId: 'h1', bedId: 'planned-1', reason: 'Repairs', from: '2026-01-10' },
      fold(admit, [opened]),
    );
    spec
      .given([opened, ...out, admitted('yp1', 'emergency-1')])
      .when(moving())
      .thenFails('PLACEMENT.BED_OUT_OF_USE', 'toBedId');
    spec
      .given([opened, admitted('yp1', 'emergency-1')])
      .when(moving({ toBedId: 'planned-9' }))
      .thenFails('BED.NOT_FOUND', 'toBedId');
    spec
      .given([opened, admitted('yp1', 'emergency-1')])
      .when(moving({ on: '2026-01-31' }))
      .thenFails('PLACEMENT.END_BEFORE_START', 'on');
    spec.given([opened]).when(moving()).thenFails('PLACEMENT.NOT_IN_BED');
  });
});

describe('a new legal status during a stay', () => {
  const change = { hubId: 'h1', youngPersonId: 'yp1', on: '2026-02-10', ls: 'C1' };
  it('records it on the stay, with the status it replaces', () => {
    const [changed] = changeLegalStatus.decide(
      change,
      fold(changeLegalStatus, [opened, admitted('yp1')]),
    );
    expect(changed).toEqual({
      type: 'LegalStatusChanged',
      data: { ...change, bedId: 'planned-1', previous: episode.ls },
    });
    const hub = fold(changeLegalStatus, [opened, admitted('yp1'), changed]);
    expect(hub.status === 'open' && hub.beds[0].occupant?.episode.ls).toBe('C1');
  });

  it('refuses one before the stay, the same status, or someone not in a bed', () => {
    deciderSpec(changeLegalStatus)
      .given([opened, admitted('yp1')])
      .when({ ...change, on: '2026-01-31' })
      .thenFails('PLACEMENT.END_BEFORE_START', 'on');
    deciderSpec(changeLegalStatus)
      .given([opened, admitted('yp1')])
      .when({ ...change, ls: episode.ls })
      .thenFails('PLACEMENT.LEGAL_STATUS_SAME', 'ls');
    deciderSpec(changeLegalStatus).given([opened]).when(change).thenFails('PLACEMENT.NOT_IN_BED');
  });
});

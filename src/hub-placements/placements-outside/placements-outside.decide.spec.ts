import { describe, it } from '@jest/globals';
import { deciderSpec } from '#testing/decider-spec';
import { episode } from '../hub-placements.test-fixtures.js';
import type { PlacementOutsideEvent } from './placements-outside.events.js';
import { endPlacementOutside, recordPlacementOutside } from './placements-outside.decide.js';

const now = '2026-01-05T09:00:00.000Z';
const record = {
  placementId: 'p1',
  youngPersonId: 'yp1',
  hubId: 'h1',
  description: ' Council foster carers ',
  from: '2025-04-10',
  end: null,
  episode,
  urn: null,
  now,
};
const recorded: PlacementOutsideEvent = {
  type: 'PlacementOutsideHubRecorded',
  data: {
    placementId: 'p1',
    youngPersonId: 'yp1',
    hubId: 'h1',
    description: 'Council foster carers',
    from: '2025-04-10',
    episode,
    urn: null,
    recordedAt: now,
  },
};
const ended: PlacementOutsideEvent = {
  type: 'PlacementOutsideHubEnded',
  data: {
    placementId: 'p1',
    youngPersonId: 'yp1',
    hubId: 'h1',
    on: '2025-05-01',
    rec: 'X1',
    reasonPlaceChange: 'CARPL',
  },
};

describe('placements outside the hub', () => {
  it('records one open, or one that ended already, and ends an open one', () => {
    deciderSpec(recordPlacementOutside).given([]).when(record).then([recorded]);
    deciderSpec(recordPlacementOutside)
      .given([])
      .when({ ...record, end: { on: '2025-05-01', rec: 'X1', reasonPlaceChange: 'CARPL' } })
      .then([recorded, ended]);
    deciderSpec(endPlacementOutside)
      .given([recorded])
      .when({ ...ended.data })
      .then([ended]);
  });

  it('refuses two at once, an end before the start, and ending one twice', () => {
    deciderSpec(recordPlacementOutside)
      .given([recorded])
      .when({ ...record, placementId: 'p2', from: '2025-06-01' })
      .thenFails('PLACEMENT.OVERLAPS', 'from');
    deciderSpec(recordPlacementOutside)
      .given([recorded, ended])
      .when({
        ...record,
        placementId: 'p2',
        from: '2025-04-01',
        end: { on: '2025-04-20', rec: 'E4A', reasonPlaceChange: null },
      })
      .thenFails('PLACEMENT.OVERLAPS', 'from');
    deciderSpec(recordPlacementOutside)
      .given([recorded, ended])
      .when({ ...record, placementId: 'p2', from: '2025-05-01' })
      .then([{ ...recorded, data: { ...recorded.data, placementId: 'p2', from: '2025-05-01' } }]);
    deciderSpec(recordPlacementOutside)
      .given([])
      .when({ ...record, end: { on: '2025-04-10', rec: 'E4A', reasonPlaceChange: null } })
      .thenFails('PLACEMENT.END_BEFORE_START', 'end.on');
    deciderSpec(endPlacementOutside)
      .given([recorded, ended])
      .when({ ...ended.data })
      .thenFails('PLACEMENT.ENDED');
    deciderSpec(endPlacementOutside)
      .given([recorded])
      .when({ ...ended.data, on: '2025-04-10' })
      .thenFails('PLACEMENT.END_BEFORE_START', 'on');
    deciderSpec(endPlacementOutside)
      .given([])
      .when({ ...ended.data })
      .thenFails('PLACEMENT.NOT_FOUND');
  });
});

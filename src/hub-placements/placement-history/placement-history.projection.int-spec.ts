import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPgliteEventStore, type SqlEventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import type { HubEvent } from '../hub-placements.events.js';
import { placementHistoryProjection } from './placement-history.projection.js';
import { newEvent } from '#testing/new-events';

const hubId = randomUUID();
const yp = randomUUID();
const episode = {
  collectionYear: '2025-26',
  rne: 'S',
  ls: 'C2',
  place: 'K2',
  placeProvider: 'PR1',
  reasonPlaceChange: null,
  postcode: 'YO11 1AA',
  outOfArea: false,
};
const admit = (from: string): HubEvent => ({
  type: 'YoungPersonAdmitted',
  data: {
    hubId,
    bedId: 'planned-1',
    youngPersonId: yp,
    emergency: false,
    from,
    plannedEnd: null,
    episode,
  },
});
const events: HubEvent[] = [
  {
    type: 'HubOpened',
    data: {
      hubId,
      name: 'H',
      council: 'C',
      plannedBeds: 1,
      emergencyBeds: 1,
      openedAt: '2026-01-01T00:00:00.000Z',
    },
  },
  admit('2026-01-02'),
  {
    type: 'YoungPersonDischarged',
    data: {
      hubId,
      bedId: 'planned-1',
      youngPersonId: yp,
      on: '2026-01-05',
      destination: 'home_to_family',
      reason: 'Home',
      rec: 'E4A',
      reasonPlaceChange: null,
    },
  },
  // Back into the same bed later: a replay of the first discharge must not close this one.
  admit('2026-02-01'),
  // A move to another bed is the same episode, in that bed; it is closed from there.
  {
    type: 'YoungPersonMovedBed',
    data: {
      hubId,
      youngPersonId: yp,
      fromBedId: 'planned-1',
      toBedId: 'emergency-1',
      emergency: true,
      on: '2026-02-03',
      reason: 'Planned bed needed for repairs',
    },
  },
  {
    type: 'YoungPersonDischarged',
    data: {
      hubId,
      bedId: 'emergency-1',
      youngPersonId: yp,
      on: '2026-02-10',
      destination: 'home_to_family',
      reason: 'Home',
      rec: null,
      reasonPlaceChange: null,
    },
  },
];

describe('the placement history read model', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openPgliteEventStore();
    await store.append(
      `hub-${hubId}`,
      events.map((e) => newEvent(e)),
      { expectedRevision: 'no_stream' },
    );
  });
  afterAll(() => store.close());

  it('opens and closes episodes, follows a move to another bed, and replaying them (a later readmission included) changes nothing', async () => {
    const runner = new ProjectionRunner(store, store.db, [placementHistoryProjection], {
      batchSize: 1,
    });
    await runner.prepare();
    await runner.catchUp();
    const read = async () =>
      (
        await store.db.query(
          `SELECT start_date::text, end_date::text, rec, place_id, emergency FROM rm_placement_history.episodes ORDER BY start_date`,
        )
      ).rows;
    const first = await read();
    expect(first).toEqual([
      {
        start_date: '2026-01-02',
        end_date: '2026-01-05',
        rec: 'E4A',
        place_id: 'planned-1',
        emergency: false,
      },
      {
        start_date: '2026-02-01',
        end_date: '2026-02-10',
        rec: null,
        place_id: 'emergency-1',
        emergency: true,
      },
    ]);
    await store.db.query(`UPDATE projection_checkpoints SET transaction_id = '0', position = 0`);
    await runner.catchUp();
    expect(await read()).toEqual(first);
  });
});

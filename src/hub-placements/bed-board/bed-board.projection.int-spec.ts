import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPgliteEventStore, type SqlEventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import type { HubEvent } from '../hub-placements.events.js';
import { bedBoardProjection } from './bed-board.projection.js';
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
const events: HubEvent[] = [
  {
    type: 'HubOpened',
    data: {
      hubId,
      name: 'H',
      council: 'C',
      plannedBeds: 2,
      emergencyBeds: 1,
      openedAt: '2026-01-01T00:00:00.000Z',
    },
  },
  {
    type: 'YoungPersonAdmitted',
    data: {
      hubId,
      bedId: 'planned-1',
      youngPersonId: yp,
      emergency: false,
      from: '2026-01-02',
      plannedEnd: null,
      episode,
    },
  },
  {
    type: 'BedTakenOutOfUse',
    data: { hubId, bedId: 'emergency-1', reason: 'Repairs', from: '2026-01-03' },
  },
  { type: 'StayThresholdSet', data: { hubId, weeks: 8, setAt: '2026-01-04T00:00:00.000Z' } },
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
  {
    type: 'YoungPersonAdmitted',
    data: {
      hubId,
      bedId: 'planned-2',
      youngPersonId: yp,
      emergency: false,
      from: '2026-01-06',
      plannedEnd: '2026-02-01',
      episode,
    },
  },
  // The stay moves to the other planned bed: the same start and planned end, in that bed.
  {
    type: 'YoungPersonMovedBed',
    data: {
      hubId,
      youngPersonId: yp,
      fromBedId: 'planned-2',
      toBedId: 'planned-1',
      emergency: false,
      on: '2026-01-07',
      reason: 'Quieter room',
    },
  },
];

describe('the bed board read model', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openPgliteEventStore();
    for (const [i, e] of events.entries()) {
      await store.append(`hub-${hubId}`, [newEvent(e)], {
        expectedRevision: i === 0 ? 'no_stream' : i - 1,
      });
    }
  });
  afterAll(() => store.close());

  const rows = async () =>
    (
      await store.db.query(
        `SELECT bed_id, occupant_id, since::text, planned_end::text, out_of_use_reason FROM rm_bed_board.beds ORDER BY position`,
      )
    ).rows;

  it('follows the hub stream, and replaying it changes nothing', async () => {
    const runner = new ProjectionRunner(store, store.db, [bedBoardProjection], { batchSize: 1 });
    await runner.prepare();
    await runner.catchUp();
    const first = await rows();
    expect(first).toEqual([
      {
        bed_id: 'planned-1',
        occupant_id: yp,
        since: '2026-01-06',
        planned_end: '2026-02-01',
        out_of_use_reason: null,
      },
      {
        bed_id: 'planned-2',
        occupant_id: null,
        since: null,
        planned_end: null,
        out_of_use_reason: null,
      },
      {
        bed_id: 'emergency-1',
        occupant_id: null,
        since: null,
        planned_end: null,
        out_of_use_reason: 'Repairs',
      },
    ]);
    await store.db.query(`UPDATE projection_checkpoints SET transaction_id = '0', position = 0`);
    await runner.catchUp();
    expect(await rows()).toEqual(first);
    expect((await runner.compareWithRebuild('bed_board')).every((d) => d.differingRows === 0)).toBe(
      true,
    );
  });
});

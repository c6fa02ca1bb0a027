import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPgliteEventStore, type SqlEventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import type { CommunityFamilyEvent } from './community-family.events.js';
import { communityFamiliesProjection } from './community-families.projection.js';
import { newEvent } from '#testing/new-events';

const hubId = randomUUID();
const familyId = randomUUID();
const [a, b] = [randomUUID(), randomUUID()];
const episode = {
  collectionYear: '2025-26',
  rne: 'P',
  ls: 'C2',
  place: 'U3',
  placeProvider: 'PR1',
  reasonPlaceChange: null,
  postcode: 'YO1 7HH',
  outOfArea: false,
};
const events: CommunityFamilyEvent[] = [
  {
    type: 'CommunityFamilyRegistered',
    data: {
      familyId,
      hubId,
      name: 'Generated',
      approvedOn: '2026-01-01',
      capacity: 2,
      ageRange: { min: 12, max: 17 },
      registeredAt: '2026-01-02T00:00:00.000Z',
    },
  },
  {
    type: 'YoungPersonPlacedWithFamily',
    data: { familyId, hubId, youngPersonId: a, from: '2026-01-03', episode },
  },
  {
    type: 'YoungPersonPlacedWithFamily',
    data: { familyId, hubId, youngPersonId: b, from: '2026-01-04', episode },
  },
  {
    type: 'FamilyPlacementEnded',
    data: {
      familyId,
      hubId,
      youngPersonId: a,
      on: '2026-01-05',
      reason: 'Home',
      rec: 'E4A',
      reasonPlaceChange: null,
    },
  },
];

describe('the community families read model', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openPgliteEventStore();
    await store.append(
      `community-family-${familyId}`,
      events.map((e) => newEvent(e)),
      { expectedRevision: 'no_stream' },
    );
  });
  afterAll(() => store.close());

  it('counts places taken, and replaying the family’s events changes nothing', async () => {
    const runner = new ProjectionRunner(store, store.db, [communityFamiliesProjection], {
      batchSize: 1,
    });
    await runner.prepare();
    await runner.catchUp();
    const read = async () =>
      (await store.db.query(`SELECT capacity, placed FROM rm_community_families.families`)).rows;
    expect(await read()).toEqual([{ capacity: 2, placed: 1 }]);
    await store.db.query(`UPDATE projection_checkpoints SET transaction_id = '0', position = 0`);
    await runner.catchUp();
    expect(await read()).toEqual([{ capacity: 2, placed: 1 }]);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPgliteEventStore, type SqlEventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { outcomeFactsProjection } from './outcome-facts.projection.js';
import { newEvent } from '#testing/new-events';

const hubId = randomUUID();
const yp = randomUUID();
const [m1, m2] = [randomUUID(), randomUUID()];
const on = (day: string) => ({ youngPersonId: yp, hubId, on: day, note: 'n' });
const details = (ethnicity: string) => ({
  youngPersonId: yp,
  sex: 'F',
  ethnicity,
  homePostcode: 'SO3 2LW',
});

/** A case whose rows depend on order inside one batch: details after the referral, a concern closed. */
const CASE: { stream: string; events: { type: string; data: Record<string, unknown> }[] }[] = [
  {
    stream: `young-person-${yp}`,
    events: [
      {
        type: 'ReferralReceived',
        data: {
          youngPersonId: yp,
          hubId,
          youngPerson: { dateOfBirth: '2010-08-26' },
          referredAt: '2026-01-05T10:00:00.000Z',
          category: 'edge_of_care',
        },
      },
      { type: 'ReturnDetailsRecorded', data: details('WOTH') },
      { type: 'ReferralAccepted', data: { youngPersonId: yp, acceptedAt: '2026-01-06T10:00:00Z' } },
      { type: 'ReturnDetailsRecorded', data: details('WBRI') },
    ],
  },
  {
    stream: `outcomes-${yp}`,
    events: [
      { type: 'RiskMarkerOpened', data: { ...on('2026-01-07'), markerId: m1, kind: 'cse' } },
      { type: 'RiskMarkerOpened', data: { ...on('2026-01-08'), markerId: m2, kind: 'cce' } },
      { type: 'RiskMarkerClosed', data: { ...on('2026-01-09'), markerId: m1, kind: 'cse' } },
      { type: 'JusticeEventRecorded', data: { ...on('2026-01-10'), kind: 'arrest' } },
      {
        type: 'BaselineRecorded',
        data: {
          ...on('2026-01-06'),
          missingEpisodes: 3,
          arrests: 1,
          placements: 2,
          residentialNights: 40,
          exclusions: 0,
        },
      },
    ],
  },
];

const TABLES = [
  'people ORDER BY young_person_id',
  'facts ORDER BY position, seq',
  'baselines ORDER BY position',
  'open_concerns ORDER BY marker_id',
];

describe('the outcomes read model', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openPgliteEventStore();
    // Each stream in one append: at a batch size of 1,000 the case is one batch.
    for (const { stream, events } of CASE) {
      await store.append(
        stream,
        events.map((e) => newEvent(e, '2026-01-05T00:00:00.000Z')),
        { expectedRevision: 'no_stream' },
      );
    }
  });
  afterAll(() => store.close());

  async function dump() {
    const out: Record<string, unknown>[][] = [];
    for (const t of TABLES) out.push((await store.db.query(`SELECT * FROM rm_outcomes.${t}`)).rows);
    return out;
  }

  /** Builds the read model from the start (after dropping the one there, if any). */
  async function build(batchSize: number, again = false) {
    if (again) {
      await store.db.exec(`DROP SCHEMA rm_outcomes CASCADE`);
      await store.db.query(`DELETE FROM projection_checkpoints`);
    }
    const runner = new ProjectionRunner(store, store.db, [outcomeFactsProjection], { batchSize });
    await runner.prepare();
    await runner.catchUp();
    return runner;
  }

  it('comes out the same event by event and in one batch, and a replay changes nothing', async () => {
    const one = await build(1);
    const first = await dump();
    const [people, facts, baselines, concerns] = first;
    expect(people.map((p) => [p.young_person_id, p.ethnicity, p.home_postcode])).toEqual([
      [yp, 'WBRI', 'SO3 2LW'],
    ]);
    expect(facts.map((f) => f.kind)).toEqual([
      'referral',
      'accepted',
      'concern_opened',
      'concern_opened',
      'concern_closed',
      'arrest',
    ]);
    expect(baselines.map((b) => b.missing_episodes)).toEqual([3]);
    expect(concerns.map((c) => c.marker_id)).toEqual([m2]);

    await store.db.query(`UPDATE projection_checkpoints SET transaction_id = '0', position = 0`);
    await one.catchUp();
    expect(await dump()).toEqual(first);

    await build(1000, true);
    expect(await dump()).toEqual(first);
  });
});

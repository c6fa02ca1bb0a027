import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import type { HousingOptionEvent, HousingPathwayEvent } from '../housing.events.js';

/**
 * Each young person's accommodation in order (moves into options, other accommodation, tenancies),
 * the accommodation plan, tenancies with their open concerns, and OC3 records. Entries are keyed
 * by the event that made them; rows changed later carry the housing stream's revision.
 */
export const housingPathwayProjection: Projection = {
  name: 'housing_pathway',
  version: 1,
  handles: [
    'YoungPersonMovedIn',
    'AccommodationChanged',
    'AccommodationPlanSet',
    'TenancyStarted',
    'TenancyConcernRecorded',
    'TenancyConcernResolved',
    'TenancyEnded',
    'CareLeaverRecordMade',
  ] satisfies (HousingPathwayEvent | HousingOptionEvent)['type'][],

  async setup(db: SqlExecutor, schema: string) {
    const s = ident(schema);
    await db.exec(`
      CREATE TABLE ${s}.entries (
        event_id uuid PRIMARY KEY,
        position bigint NOT NULL,
        young_person_id uuid NOT NULL,
        hub_id uuid NOT NULL,
        on_date date NOT NULL,
        accommodation text NOT NULL,
        option_id uuid,
        description text NOT NULL,
        reason text NOT NULL,
        planned boolean NOT NULL
      );
      CREATE INDEX ON ${s}.entries (young_person_id, on_date, position);
      CREATE TABLE ${s}.plans (
        young_person_id uuid PRIMARY KEY,
        hub_id uuid NOT NULL,
        target_moves jsonb NOT NULL,
        notes text NOT NULL,
        set_on date NOT NULL,
        revision bigint NOT NULL
      );
      CREATE TABLE ${s}.tenancies (
        tenancy_id uuid PRIMARY KEY,
        young_person_id uuid NOT NULL,
        hub_id uuid NOT NULL,
        landlord_type text NOT NULL,
        start date NOT NULL,
        weekly_rent numeric(10, 2) NOT NULL,
        address text NOT NULL,
        concerns jsonb NOT NULL DEFAULT '[]',
        history jsonb NOT NULL DEFAULT '[]',
        ended_on date,
        end_reason text,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${s}.tenancies (hub_id) WHERE ended_on IS NULL;
      CREATE TABLE ${s}.care_leaver_records (
        young_person_id uuid NOT NULL,
        age int NOT NULL,
        birthday date NOT NULL,
        in_touch text NOT NULL,
        activ text,
        accom text,
        recorded_on date NOT NULL,
        PRIMARY KEY (young_person_id, age)
      );`);
  },

  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const s = ident(schema);
    const e = stored as unknown as HousingPathwayEvent | HousingOptionEvent;
    const rev = stored.revision;
    const entry = (d: {
      youngPersonId: string;
      hubId: string;
      on: string;
      accommodation: string;
      optionId: string | null;
      description: string;
      reason: string;
      planned: boolean;
    }) =>
      db.query(
        `INSERT INTO ${s}.entries VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [
          stored.eventId,
          stored.position,
          d.youngPersonId,
          d.hubId,
          d.on,
          d.accommodation,
          d.optionId,
          d.description,
          d.reason,
          d.planned,
        ],
      );
    const tenancy = (sql: string, tenancyId: string, params: unknown[]) =>
      db.query(
        `UPDATE ${s}.tenancies SET ${sql}, revision = $2 WHERE tenancy_id = $1 AND revision < $2`,
        [tenancyId, rev, ...params],
      );
    switch (e.type) {
      case 'YoungPersonMovedIn':
        await entry({ ...e.data, accommodation: e.data.kind, description: e.data.optionName });
        return;
      case 'AccommodationChanged':
        await entry({ ...e.data, optionId: null });
        return;
      case 'TenancyStarted': {
        const d = e.data;
        await entry({
          youngPersonId: d.youngPersonId,
          hubId: d.hubId,
          on: d.start,
          accommodation: 'independent_tenancy',
          optionId: null,
          description: `${d.landlordType.replace('_', ' ')} tenancy: ${d.address}`,
          reason: 'tenancy started',
          planned: true,
        });
        await db.query(
          `INSERT INTO ${s}.tenancies (tenancy_id, young_person_id, hub_id, landlord_type, start, weekly_rent, address, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [
            d.tenancyId,
            d.youngPersonId,
            d.hubId,
            d.landlordType,
            d.start,
            d.weeklyRent,
            d.address,
            rev,
          ],
        );
        return;
      }
      case 'TenancyConcernRecorded': {
        const d = e.data;
        const concern = JSON.stringify({
          concern: d.concern,
          on: d.on,
          detail: d.detail,
          arrears: d.arrears,
        });
        await tenancy(
          `concerns = concerns || jsonb_build_array($3::jsonb), history = history || jsonb_build_array($3::jsonb)`,
          d.tenancyId,
          [concern],
        );
        return;
      }
      case 'TenancyConcernResolved': {
        const d = e.data;
        await tenancy(
          `concerns = coalesce((SELECT jsonb_agg(c) FROM jsonb_array_elements(concerns) c WHERE c->>'concern' <> $3), '[]'),
           history = history || jsonb_build_array($4::jsonb)`,
          d.tenancyId,
          [d.concern, JSON.stringify({ resolved: d.concern, on: d.on, note: d.note })],
        );
        return;
      }
      case 'TenancyEnded':
        await tenancy(`ended_on = $3, end_reason = $4`, e.data.tenancyId, [
          e.data.on,
          e.data.reason,
        ]);
        return;
      case 'AccommodationPlanSet': {
        const d = e.data;
        await db.query(
          `INSERT INTO ${s}.plans VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (young_person_id) DO UPDATE SET target_moves = excluded.target_moves,
             notes = excluded.notes, set_on = excluded.set_on, revision = excluded.revision
           WHERE ${s}.plans.revision < excluded.revision`,
          [d.youngPersonId, d.hubId, JSON.stringify(d.targetMoves), d.notes, d.setOn, rev],
        );
        return;
      }
      case 'CareLeaverRecordMade': {
        const d = e.data;
        await db.query(
          `INSERT INTO ${s}.care_leaver_records VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [d.youngPersonId, d.age, d.birthday, d.inTouch, d.activ, d.accom, d.recordedOn],
        );
        return;
      }
      default:
        return;
    }
  }),
};

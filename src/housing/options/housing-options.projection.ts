import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import type { HousingOptionEvent } from '../housing.events.js';

/** Each hub's housing options, who lives in each, and so the vacancies. */
export const housingOptionsProjection: Projection = {
  name: 'housing_options',
  version: 1,
  handles: [
    'HousingOptionRegistered',
    'OfstedRegistrationRecorded',
    'HousingOptionSuspended',
    'HousingOptionReinstated',
    'YoungPersonMovedIn',
    'YoungPersonMovedOut',
  ] satisfies HousingOptionEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    const s = ident(schema);
    await db.exec(`
      CREATE TABLE ${s}.options (
        option_id uuid PRIMARY KEY,
        hub_id uuid NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        capacity int NOT NULL,
        min_age int NOT NULL,
        max_age int NOT NULL,
        approved_on date,
        ofsted_registration text,
        move_on_type text,
        suspended_reason text,
        suspended_from date,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${s}.options (hub_id, kind, name);
      CREATE TABLE ${s}.residents (
        young_person_id uuid PRIMARY KEY,
        option_id uuid NOT NULL,
        since date NOT NULL
      );
      CREATE INDEX ON ${s}.residents (option_id);`);
  },

  // One stream per option: the options row changes only for a newer revision of it.
  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const s = ident(schema);
    const e = stored as unknown as HousingOptionEvent;
    const rev = stored.revision;
    const guarded = async (sql: string, params: unknown[]) => {
      const r = await db.query(
        `UPDATE ${s}.options SET ${sql}, revision = $2 WHERE option_id = $1 AND revision < $2 RETURNING 1`,
        [e.data.optionId, rev, ...params],
      );
      return r.rows.length > 0;
    };
    switch (e.type) {
      case 'HousingOptionRegistered': {
        const d = e.data;
        await db.query(
          `INSERT INTO ${s}.options (option_id, hub_id, kind, name, capacity, min_age, max_age,
             approved_on, ofsted_registration, move_on_type, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
          [
            d.optionId,
            d.hubId,
            d.kind,
            d.name,
            d.capacity,
            d.ageRange.min,
            d.ageRange.max,
            d.approvedOn,
            d.ofstedRegistration,
            d.moveOnType,
            rev,
          ],
        );
        return;
      }
      case 'OfstedRegistrationRecorded':
        await guarded('ofsted_registration = $3', [e.data.reference]);
        return;
      case 'HousingOptionSuspended':
        await guarded('suspended_reason = $3, suspended_from = $4', [e.data.reason, e.data.from]);
        return;
      case 'HousingOptionReinstated':
        await guarded('suspended_reason = NULL, suspended_from = NULL', []);
        return;
      case 'YoungPersonMovedIn':
        if (await guarded('name = name', [])) {
          await db.query(
            `INSERT INTO ${s}.residents (young_person_id, option_id, since) VALUES ($1, $2, $3)
             ON CONFLICT (young_person_id) DO UPDATE SET option_id = excluded.option_id, since = excluded.since`,
            [e.data.youngPersonId, e.data.optionId, e.data.on],
          );
        }
        return;
      case 'YoungPersonMovedOut':
        if (await guarded('name = name', [])) {
          await db.query(
            `DELETE FROM ${s}.residents WHERE young_person_id = $1 AND option_id = $2`,
            [e.data.youngPersonId, e.data.optionId],
          );
        }
        return;
      default: {
        const _exhaustive: never = e;
      }
    }
  }),
};

import { ident, type SqlExecutor, type StoredEvent } from '../../../libs/event-store/src/index.js';
import type { Projection } from '../../../libs/projections/src/index.js';
import type { YoungPersonEvent } from '../young-people.events.js';

/** Each case with its current key worker: a worker's caseload is a filter on it. */
export const caseloadProjection: Projection = {
  name: 'caseloads',
  version: 1,
  handles: [
    'ReferralReceived',
    'ReferralAccepted',
    'ReferralDeclined',
    'KeyWorkerAllocated',
  ] satisfies YoungPersonEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.cases (
        young_person_id uuid PRIMARY KEY,
        hub_id uuid NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        worker_id text,
        worker_name text,
        allocated_at timestamptz,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${ident(schema)}.cases (worker_id, family_name, given_name, young_person_id);`);
  },

  async apply(db: SqlExecutor, stored: StoredEvent, schema: string) {
    const event = stored as unknown as YoungPersonEvent;
    const t = `${ident(schema)}.cases`;
    switch (event.type) {
      case 'ReferralReceived': {
        const d = event.data;
        await db.query(
          `INSERT INTO ${t} (young_person_id, hub_id, status, category, given_name, family_name,
             date_of_birth, revision)
           VALUES ($1, $2, 'referred', $3, $4, $5, $6, $7)
           ON CONFLICT (young_person_id) DO NOTHING`,
          [
            d.youngPersonId,
            d.hubId,
            d.category,
            d.youngPerson.givenName,
            d.youngPerson.familyName,
            d.youngPerson.dateOfBirth,
            stored.revision,
          ],
        );
        return;
      }
      case 'ReferralAccepted':
      case 'ReferralDeclined':
        await db.query(
          `UPDATE ${t} SET status = $2, revision = $3 WHERE young_person_id = $1 AND revision < $3`,
          [
            event.data.youngPersonId,
            event.type === 'ReferralAccepted' ? 'accepted' : 'declined',
            stored.revision,
          ],
        );
        return;
      case 'KeyWorkerAllocated':
        await db.query(
          `UPDATE ${t} SET worker_id = $2, worker_name = $3, allocated_at = $4, revision = $5
           WHERE young_person_id = $1 AND revision < $5`,
          [
            event.data.youngPersonId,
            event.data.workerId,
            event.data.workerName,
            event.data.allocatedAt,
            stored.revision,
          ],
        );
        return;
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  },
};

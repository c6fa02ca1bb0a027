import type { SqlExecutor, StoredEvent } from '#event-store';
import { ident } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import type { HubEvent } from '../hub-placements.events.js';

/** Every hub, for the hub picker and the referral form. */
export const hubsListProjection: Projection = {
  name: 'hubs_list',
  version: 1,
  handles: ['HubOpened'] satisfies HubEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.hubs (
        hub_id uuid PRIMARY KEY,
        name text NOT NULL,
        council text NOT NULL,
        planned_beds int NOT NULL,
        emergency_beds int NOT NULL,
        opened_at timestamptz NOT NULL,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${ident(schema)}.hubs (name, hub_id);`);
  },

  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const event = stored as unknown as HubEvent & StoredEvent;
    switch (event.type) {
      case 'HubOpened': {
        const d = event.data;
        await db.query(
          `INSERT INTO ${ident(schema)}.hubs AS h
             (hub_id, name, council, planned_beds, emergency_beds, opened_at, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (hub_id) DO UPDATE SET name = $2, council = $3, planned_beds = $4,
             emergency_beds = $5, opened_at = $6, revision = $7
           WHERE h.revision < $7`,
          [d.hubId, d.name, d.council, d.plannedBeds, d.emergencyBeds, d.openedAt, stored.revision],
        );
        return;
      }
      case 'StayThresholdSet':
      case 'HubRegistrationRecorded':
      case 'LegalStatusChanged':
      case 'BedTakenOutOfUse':
      case 'BedReturnedToUse':
      case 'YoungPersonAdmitted':
      case 'YoungPersonMovedBed':
      case 'YoungPersonDischarged':
        return;
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  }),
};

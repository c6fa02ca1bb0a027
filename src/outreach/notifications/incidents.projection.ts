import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import type { OutreachEvent } from '../outreach.events.js';

/** Incidents, and one row per Reg 40 notification owed: pending until it is recorded as sent. */
export const incidentsProjection: Projection = {
  name: 'incidents',
  version: 1,
  handles: ['IncidentRecorded', 'Reg40NotificationSent'] satisfies OutreachEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    const s = ident(schema);
    await db.exec(`
      CREATE TABLE ${s}.incidents (
        incident_id uuid PRIMARY KEY,
        young_person_id uuid NOT NULL,
        hub_id uuid NOT NULL,
        kind text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        summary text NOT NULL,
        serious boolean NOT NULL,
        involved jsonb NOT NULL,
        recorded_by text NOT NULL
      );
      CREATE INDEX ON ${s}.incidents (young_person_id, occurred_at);
      CREATE TABLE ${s}.notifications (
        incident_id uuid NOT NULL,
        recipient text NOT NULL,
        young_person_id uuid NOT NULL,
        hub_id uuid NOT NULL,
        kind text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        notified_at timestamptz,
        method text,
        reference text,
        PRIMARY KEY (incident_id, recipient)
      );
      CREATE INDEX ON ${s}.notifications (hub_id, recorded_at) WHERE notified_at IS NULL;`);
  },

  // Each event writes rows keyed by its own ids; a notification is set once (NULL -> value).
  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const s = ident(schema);
    const event = stored as unknown as OutreachEvent;
    if (event.type === 'IncidentRecorded') {
      const d = event.data;
      await db.query(
        `INSERT INTO ${s}.incidents (incident_id, young_person_id, hub_id, kind, occurred_at,
           recorded_at, summary, serious, involved, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (incident_id) DO NOTHING`,
        [
          d.incidentId,
          d.youngPersonId,
          d.hubId,
          d.kind,
          d.occurredAt,
          d.recordedAt,
          d.summary,
          d.serious,
          JSON.stringify(d.involved),
          d.recordedBy.name,
        ],
      );
      for (const recipient of d.notify) {
        await db.query(
          `INSERT INTO ${s}.notifications (incident_id, recipient, young_person_id, hub_id, kind,
             occurred_at, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [d.incidentId, recipient, d.youngPersonId, d.hubId, d.kind, d.occurredAt, d.recordedAt],
        );
      }
    } else if (event.type === 'Reg40NotificationSent') {
      const d = event.data;
      await db.query(
        `UPDATE ${s}.notifications SET notified_at = $3, method = $4, reference = $5
         WHERE incident_id = $1 AND recipient = $2 AND notified_at IS NULL`,
        [d.incidentId, d.recipient, d.notifiedAt, d.method, d.reference],
      );
    }
  }),
};

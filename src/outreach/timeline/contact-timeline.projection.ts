import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { insertRows, type PatchColumn, type Projection } from '#projections';
import type { ContactAmended, ContactLogged, OutreachEvent } from '../outreach.events.js';

const COLUMNS: PatchColumn[] = [
  { name: 'contact_id', type: 'uuid' },
  { name: 'young_person_id', type: 'uuid' },
  { name: 'hub_id', type: 'uuid' },
  { name: 'worker_id', type: 'text' },
  { name: 'worker_name', type: 'text' },
  { name: 'occurred_at', type: 'timestamptz' },
  { name: 'recorded_at', type: 'timestamptz' },
  { name: 'kind', type: 'text' },
  { name: 'location', type: 'text' },
  { name: 'duration_minutes', type: 'int' },
  { name: 'present', type: 'jsonb' },
  { name: 'notes', type: 'text' },
  { name: 'portfolio_areas', type: 'jsonb' },
  { name: 'follow_ups', type: 'jsonb' },
  { name: 'late_recorded', type: 'boolean' },
  { name: 'revision', type: 'bigint' },
];

const row = (e: ContactLogged, revision: number) => {
  const d = e.data;
  return {
    contact_id: d.contactId,
    young_person_id: d.youngPersonId,
    hub_id: d.hubId,
    worker_id: d.workerId,
    worker_name: d.workerName,
    occurred_at: d.occurredAt,
    recorded_at: d.recordedAt,
    kind: d.kind,
    location: d.location,
    duration_minutes: d.durationMinutes,
    present: d.present,
    notes: d.notes,
    portfolio_areas: d.portfolioAreas,
    follow_ups: d.followUps,
    late_recorded: d.lateRecorded,
    revision,
  };
};

const AMENDABLE: Record<string, string> = {
  occurredAt: 'occurred_at',
  kind: 'kind',
  location: 'location',
  durationMinutes: 'duration_minutes',
  present: 'present',
  notes: 'notes',
  portfolioAreas: 'portfolio_areas',
  followUps: 'follow_ups',
};

async function amend(db: SqlExecutor, t: string, e: ContactAmended, revision: number) {
  const d = e.data;
  const entry = {
    by: d.amendedBy,
    at: d.amendedAt,
    reason: d.reason,
    changes: d.changes,
    previous: d.previous,
  };
  // jsonb_populate_record reads each changed field with its column's type.
  const sets = Object.keys(d.changes)
    .filter((k) => AMENDABLE[k])
    .map((k) => `${AMENDABLE[k]} = (jsonb_populate_record(NULL::${t}, $3::jsonb)).${AMENDABLE[k]}`);
  const values = Object.fromEntries(Object.entries(d.changes).map(([k, v]) => [AMENDABLE[k], v]));
  await db.query(
    `UPDATE ${t} SET ${[...sets, 'amendments = amendments || jsonb_build_array($4::jsonb)', 'revision = $2'].join(', ')}
     WHERE contact_id = $1 AND revision < $2`,
    [d.contactId, revision, JSON.stringify(values), JSON.stringify(entry)],
  );
}

/**
 * Every contact with its current text, newest first per young person; amendments keep what they
 * replaced. Contacts arrive in volume, so runs of new contacts are inserted in one statement.
 */
export const contactTimelineProjection: Projection = {
  name: 'contact_timeline',
  version: 1,
  handles: ['ContactLogged', 'ContactAmended'] satisfies OutreachEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    const s = ident(schema);
    await db.exec(`
      CREATE TABLE ${s}.contacts (
        contact_id uuid PRIMARY KEY,
        young_person_id uuid NOT NULL,
        hub_id uuid NOT NULL,
        worker_id text NOT NULL,
        worker_name text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL,
        kind text NOT NULL,
        location text,
        duration_minutes int,
        present jsonb NOT NULL,
        notes text NOT NULL,
        portfolio_areas jsonb NOT NULL,
        follow_ups jsonb NOT NULL,
        late_recorded boolean NOT NULL,
        amendments jsonb NOT NULL DEFAULT '[]',
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${s}.contacts (young_person_id, occurred_at DESC, contact_id);
      CREATE INDEX ON ${s}.contacts (worker_id, occurred_at);`);
  },

  async applyBatch(db: SqlExecutor, events: readonly StoredEvent[], schema: string) {
    const t = `${ident(schema)}.contacts`;
    let pending: Record<string, unknown>[] = [];
    const flush = async () => {
      await insertRows(db, schema, 'contacts', COLUMNS, pending, ['contact_id']);
      pending = [];
    };
    for (const stored of events) {
      const event = stored as unknown as OutreachEvent;
      if (event.type === 'ContactLogged') pending.push(row(event, stored.revision));
      else if (event.type === 'ContactAmended') {
        await flush();
        await amend(db, t, event, stored.revision);
      }
    }
    await flush();
  },
};

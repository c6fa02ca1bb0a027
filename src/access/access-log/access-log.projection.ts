import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import type { Projection } from '#projections';
import type { CaseRecordsViewed } from './access-log.events.js';

/** One row per young person per look: who, when, what, why. */
export const accessLogProjection: Projection = {
  name: 'access_log',
  version: 1,
  handles: ['CaseRecordsViewed'] satisfies CaseRecordsViewed['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.entries (
        entry_id uuid NOT NULL,
        young_person_id uuid NOT NULL,
        user_id text NOT NULL,
        user_name text NOT NULL,
        roles text NOT NULL,
        view text NOT NULL,
        path text NOT NULL,
        reason text,
        viewed_at timestamptz NOT NULL,
        PRIMARY KEY (entry_id, young_person_id)
      );
      CREATE INDEX ON ${ident(schema)}.entries (young_person_id, viewed_at);
      CREATE INDEX ON ${ident(schema)}.entries (user_id, viewed_at);
      CREATE INDEX ON ${ident(schema)}.entries (viewed_at, entry_id, young_person_id);`);
  },

  async applyBatch(db: SqlExecutor, events: readonly StoredEvent[], schema: string) {
    const rows = events.flatMap((stored) => {
      const d = (stored as unknown as CaseRecordsViewed).data;
      return d.youngPersonIds.map((youngPersonId) => ({
        entry_id: d.entryId,
        young_person_id: youngPersonId,
        user_id: d.userId,
        user_name: d.userName,
        roles: d.roles.join(','),
        view: d.view,
        path: d.path,
        reason: d.reason,
        viewed_at: d.viewedAt,
      }));
    });
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO ${ident(schema)}.entries
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(entry_id uuid, young_person_id uuid,
         user_id text, user_name text, roles text, view text, path text, reason text,
         viewed_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
  },
};

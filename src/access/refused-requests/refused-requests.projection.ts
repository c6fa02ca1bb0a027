import { ident, type SqlExecutor, type StoredEvent } from '../../../libs/event-store/src/index.js';
import type { Projection } from '../../../libs/projections/src/index.js';
import type { RequestRefused } from './refused-requests.events.js';

/** One row per refused request of a signed-in user. Replays change nothing (keyed by entry). */
export const refusedRequestsProjection: Projection = {
  name: 'refused_requests',
  version: 1,
  handles: ['RequestRefused'] satisfies RequestRefused['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.refusals (
        entry_id uuid PRIMARY KEY,
        user_id text NOT NULL,
        user_name text NOT NULL,
        roles text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        target_id text,
        status int NOT NULL,
        code text NOT NULL,
        refused_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${ident(schema)}.refusals (refused_at, entry_id);
      CREATE INDEX ON ${ident(schema)}.refusals (user_id, refused_at);`);
  },

  async applyBatch(db: SqlExecutor, events: readonly StoredEvent[], schema: string) {
    const rows = events.map((stored) => {
      const d = (stored as unknown as RequestRefused).data;
      return {
        entry_id: d.entryId,
        user_id: d.userId,
        user_name: d.userName,
        roles: d.roles.join(','),
        method: d.method,
        path: d.path,
        target_id: d.targetId,
        status: d.status,
        code: d.code,
        refused_at: d.refusedAt,
      };
    });
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO ${ident(schema)}.refusals
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(entry_id uuid, user_id text,
         user_name text, roles text, method text, path text, target_id text, status int,
         code text, refused_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows)],
    );
  },
};

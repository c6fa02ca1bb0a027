import type { Migration } from '../migrator.js';
import { ident } from '../sql-database.js';

/**
 * Who may change the log, and when an event was recorded.
 * - `nwd_append` and `nwd_append_group` run with their owner's rights (SECURITY DEFINER, with a
 *   fixed search_path): the application's role calls them and may only read the tables, so it can
 *   append but never update, delete, truncate, or touch the triggers and functions it does not
 *   own. Nobody else may call them (EXECUTE revoked from PUBLIC; `nwd migrate` grants it to the
 *   runtime role).
 * - A test clock (`p_now`, the session setting `nwd.now`) is honoured only for the schema's
 *   owner; any other caller is refused (NWD02).
 * - `recorded_at` never goes backwards within a stream: it is the later of the database clock and
 *   the stream's previous `recorded_at`. The hash covers the time stamped, as before.
 */
export const ownerOnlyAppendMigration: Migration = {
  id: 'event-store/0006-owner-only-append',
  sql: `
CREATE OR REPLACE FUNCTION nwd_append(p_stream text, p_expected text, p_events jsonb,
  p_now timestamptz DEFAULT NULL)
RETURNS TABLE (out_revision bigint, out_position bigint, out_duplicate boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
DECLARE
  n int := jsonb_array_length(p_events);
  v_revision bigint;
  v_prev text;
  v_clock timestamptz := coalesce(p_now, nullif(current_setting('nwd.now', true), '')::timestamptz);
  v_now timestamptz := date_trunc('milliseconds', coalesce(v_clock, now()));
  v_last_recorded timestamptz;
  v_ids uuid[];
  v_types text[];
  v_data jsonb[];
  v_meta jsonb[];
  v_revs bigint[];
  v_hashes text[] := '{}';
  v_e jsonb;
  i int;
BEGIN
  -- Inside this SECURITY DEFINER function current_user is the schema's owner; session_user is
  -- who called. Only the owner may say when an event was recorded (a generator writing history,
  -- tests); for the application's role recorded_at is the database clock, always.
  IF v_clock IS NOT NULL AND session_user <> current_user THEN
    RAISE EXCEPTION 'recorded_at comes from the database clock for role %', session_user
      USING ERRCODE = 'NWD02';
  END IF;
  IF n = 1 THEN
    v_e := p_events->0;
    v_ids := ARRAY[(v_e->>'eventId')::uuid];
  ELSE
    SELECT array_agg((j.e->>'eventId')::uuid ORDER BY j.ord), array_agg(j.e->>'type' ORDER BY j.ord),
           array_agg(j.e->'data' ORDER BY j.ord), array_agg(j.e->'metadata' ORDER BY j.ord)
      INTO v_ids, v_types, v_data, v_meta
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS j(e, ord);
  END IF;
  IF EXISTS (SELECT 1 FROM events WHERE event_id = v_ids[1]) THEN
    RETURN QUERY SELECT max(e.revision), max(e.position), true FROM events e
      WHERE e.event_id = ANY (v_ids);
    RETURN;
  END IF;
  IF p_expected = 'any' THEN
    INSERT INTO streams AS s (stream_id, revision) VALUES (p_stream, n - 1)
      ON CONFLICT (stream_id) DO UPDATE SET revision = s.revision + n
      RETURNING s.revision INTO v_revision;
  ELSIF p_expected = 'no_stream' THEN
    INSERT INTO streams (stream_id, revision) VALUES (p_stream, n - 1)
      ON CONFLICT (stream_id) DO NOTHING
      RETURNING revision INTO v_revision;
  ELSE
    UPDATE streams SET revision = revision + n
      WHERE stream_id = p_stream AND revision = p_expected::bigint
      RETURNING revision INTO v_revision;
  END IF;
  IF v_revision IS NULL THEN
    RAISE EXCEPTION 'wrong expected revision % for stream %', p_expected, p_stream
      USING ERRCODE = 'NWD01';
  END IF;
  IF v_revision >= n THEN
    SELECT e.hash, e.recorded_at INTO v_prev, v_last_recorded FROM events e
      WHERE e.stream_id = p_stream AND e.revision = v_revision - n;
    -- now() is when this transaction began: a later revision could otherwise be stamped before
    -- an earlier one (grouped appends, long transactions), and an as-of read at that instant
    -- would fold the stream with a hole. Within a stream, recorded_at never goes backwards.
    v_now := greatest(v_now, v_last_recorded);
  END IF;
  IF n = 1 THEN
    v_prev := nwd_event_hash(v_prev, v_ids[1], p_stream, v_revision, v_e->>'type',
      v_e->'data', v_e->'metadata', v_now);
    out_revision := v_revision;
    out_duplicate := false;
    INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
      VALUES (v_ids[1], p_stream, v_revision, v_e->>'type', v_e->'data', v_e->'metadata', v_now,
              v_prev)
      RETURNING position INTO out_position;
    RETURN NEXT;
    RETURN;
  END IF;
  v_revs := ARRAY(SELECT generate_series(v_revision - n + 1, v_revision));
  FOR i IN 1..n LOOP
    v_prev := nwd_event_hash(v_prev, v_ids[i], p_stream, v_revs[i], v_types[i], v_data[i],
      v_meta[i], v_now);
    v_hashes := v_hashes || v_prev;
  END LOOP;
  RETURN QUERY
    INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
      SELECT u.id, p_stream, u.rev, u.type, u.data, u.meta, v_now, u.hash
        FROM unnest(v_ids, v_revs, v_types, v_data, v_meta, v_hashes)
          AS u(id, rev, type, data, meta, hash)
        ORDER BY u.rev
      RETURNING revision, position, false;
END
$fn$;

ALTER FUNCTION nwd_append_group(text[], text[], jsonb, timestamptz)
  SECURITY DEFINER SET search_path = pg_catalog, public;
REVOKE ALL ON FUNCTION nwd_append(text, text, jsonb, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION nwd_append_group(text[], text[], jsonb, timestamptz) FROM PUBLIC;
`,
};

/**
 * What the application's role may do with the log, granted by the schema's owner after migrating
 * (`nwd migrate` with DATABASE_OWNER_URL): read the tables, append through the functions.
 */
export function eventLogGrants(role: string): string {
  const r = ident(role);
  return `
GRANT USAGE ON SCHEMA public TO ${r};
GRANT SELECT ON events, streams, nwd_schema_migrations TO ${r};
GRANT EXECUTE ON FUNCTION nwd_append(text, text, jsonb, timestamptz) TO ${r};
GRANT EXECUTE ON FUNCTION nwd_append_group(text[], text[], jsonb, timestamptz) TO ${r};
GRANT EXECUTE ON FUNCTION nwd_event_hash(text, uuid, text, bigint, text, jsonb, jsonb, timestamptz) TO ${r};
`;
}

import type { Migration } from '../migrator.js';

/**
 * A hash chain through each stream: every event's `hash` is SHA-256 over the previous event's
 * hash in its stream and its own content, serialised canonically by PostgreSQL itself (a jsonb
 * array's text form: keys sorted, duplicates dropped, fixed spacing), so what is hashed on append
 * and what is verified later are the same bytes. `nwd verify` recomputes every link.
 *
 * Also: `recorded_at` is the database clock unless the session sets `nwd.now` (the seed
 * generator writes years of history with it; the API never sets it).
 *
 * (This migration once also created the index a caller now declares as a tag (tag-indexes.ts);
 * a database migrated then keeps that index, and the tag's migration sees it and adds none.)
 */
export const hashChainMigration: Migration = {
  id: 'event-store/0002-hash-chain',
  sql: `
CREATE FUNCTION nwd_event_hash(p_prev text, p_event_id uuid, p_stream text, p_revision bigint,
  p_type text, p_data jsonb, p_metadata jsonb, p_recorded_at timestamptz)
RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    coalesce(p_prev, ''), p_event_id, p_stream, p_revision, p_type, p_data, p_metadata,
    (extract(epoch FROM p_recorded_at) * 1000)::bigint)::text, 'UTF8')), 'hex')
$fn$;

ALTER TABLE events ADD COLUMN hash text;
ALTER TABLE events DISABLE TRIGGER events_no_update;
DO $do$
DECLARE
  r record;
  v_prev text;
  v_stream text;
BEGIN
  FOR r IN SELECT * FROM events ORDER BY stream_id, revision LOOP
    IF v_stream IS DISTINCT FROM r.stream_id THEN
      v_prev := NULL;
      v_stream := r.stream_id;
    END IF;
    v_prev := nwd_event_hash(v_prev, r.event_id, r.stream_id, r.revision, r.type, r.data,
      r.metadata, r.recorded_at);
    UPDATE events SET hash = v_prev WHERE position = r.position;
  END LOOP;
END
$do$;
ALTER TABLE events ENABLE TRIGGER events_no_update;
ALTER TABLE events ALTER COLUMN hash SET NOT NULL;

CREATE OR REPLACE FUNCTION nwd_append(p_stream text, p_expected text, p_events jsonb)
RETURNS TABLE (out_revision bigint, out_position bigint, out_duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  n int := jsonb_array_length(p_events);
  v_revision bigint;
  v_prev text;
  v_now timestamptz := date_trunc('milliseconds',
    coalesce(nullif(current_setting('nwd.now', true), '')::timestamptz, now()));
  x record;
  v_rev bigint;
  v_pos bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM events WHERE event_id = (p_events->0->>'eventId')::uuid) THEN
    RETURN QUERY SELECT max(e.revision), max(e.position), true FROM events e
      WHERE e.event_id IN (SELECT (j->>'eventId')::uuid FROM jsonb_array_elements(p_events) j);
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
  SELECT e.hash INTO v_prev FROM events e
    WHERE e.stream_id = p_stream AND e.revision = v_revision - n;
  FOR x IN SELECT j.e, j.ord FROM jsonb_array_elements(p_events) WITH ORDINALITY AS j(e, ord) LOOP
    v_rev := v_revision - n + x.ord;
    v_prev := nwd_event_hash(v_prev, (x.e->>'eventId')::uuid, p_stream, v_rev, x.e->>'type',
      x.e->'data', x.e->'metadata', v_now);
    INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
      VALUES ((x.e->>'eventId')::uuid, p_stream, v_rev, x.e->>'type', x.e->'data',
              x.e->'metadata', v_now, v_prev)
      RETURNING position INTO v_pos;
    out_revision := v_rev;
    out_position := v_pos;
    out_duplicate := false;
    RETURN NEXT;
  END LOOP;
END
$fn$;
`,
};

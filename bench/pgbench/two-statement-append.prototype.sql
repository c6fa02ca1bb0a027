-- A prototype measured for #28 and not made (README: "What limits the targets the benchmarks
-- miss"): the one-event append in two statements instead of four. The stream row moves first;
-- the previous event's hash and time are joined into the INSERT (a statement of its own, so under
-- READ COMMITTED it sees the previous append that held the row lock); the event-id check runs
-- only when the revision check fails. It reached 1.00 to 1.12x `nwd_append` in pgbench here. Not made:
-- too little for the 8-writer target, and with `expectedRevision: any` a retried append would
-- end in a unique violation the client would have to turn back into the original outcome.
-- Load it into a migrated scratch database (psql -f bench/pgbench/two-statement-append.prototype.sql), then
-- pgbench -n -c 8 -j 2 -T 10 -M prepared -f bench/pgbench/two-statement-append.sql <db>
CREATE OR REPLACE FUNCTION nwd_append_two_statements(p_stream text, p_expected text, p_events jsonb,
  p_now timestamptz DEFAULT NULL)
RETURNS TABLE (out_revision bigint, out_position bigint, out_duplicate boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $fn$
DECLARE
  v_clock timestamptz := coalesce(p_now, nullif(current_setting('nwd.now', true), '')::timestamptz);
  v_now timestamptz := date_trunc('milliseconds', coalesce(v_clock, now()));
  v_e jsonb := p_events->0;
  v_id uuid := (v_e->>'eventId')::uuid;
  v_revision bigint;
BEGIN
  IF v_clock IS NOT NULL AND session_user <> current_user THEN
    RAISE EXCEPTION 'recorded_at comes from the database clock for role %', session_user
      USING ERRCODE = 'NWD02';
  END IF;
  IF p_expected = 'any' THEN
    INSERT INTO streams AS s (stream_id, revision) VALUES (p_stream, 0)
      ON CONFLICT (stream_id) DO UPDATE SET revision = s.revision + 1
      RETURNING s.revision INTO v_revision;
  ELSIF p_expected = 'no_stream' THEN
    INSERT INTO streams (stream_id, revision) VALUES (p_stream, 0)
      ON CONFLICT (stream_id) DO NOTHING
      RETURNING revision INTO v_revision;
  ELSE
    UPDATE streams SET revision = revision + 1
      WHERE stream_id = p_stream AND revision = p_expected::bigint
      RETURNING revision INTO v_revision;
  END IF;
  IF v_revision IS NULL THEN
    RETURN QUERY SELECT e.revision, e.position, true FROM events e WHERE e.event_id = v_id;
    IF FOUND THEN RETURN; END IF;
    RAISE EXCEPTION 'wrong expected revision % for stream %', p_expected, p_stream
      USING ERRCODE = 'NWD01';
  END IF;
  RETURN QUERY
    INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
      SELECT v_id, p_stream, v_revision, v_e->>'type', v_e->'data', v_e->'metadata', t.at,
             nwd_event_hash(p.hash, v_id, p_stream, v_revision, v_e->>'type', v_e->'data',
               v_e->'metadata', t.at)
        FROM (SELECT) one
        LEFT JOIN events p ON p.stream_id = p_stream AND p.revision = v_revision - 1
        CROSS JOIN LATERAL (SELECT greatest(v_now, p.recorded_at) AS at) t
      RETURNING revision, position, false;
END
$fn$;

import type { Migration } from '../migrator.js';

/**
 * The same append as 0002, with the same bytes hashed, but the batch goes in as one INSERT: the
 * chain is computed first in a loop over arrays (each hash needs the one before it), then every
 * row is inserted by a single statement over `unnest`. 0002 ran one INSERT ... RETURNING per
 * event, which cost about half the throughput of batches of 10 (measured in BENCHMARKS.md).
 *
 * `p_now` replaces the session setting `nwd.now` as the way a generator records history at a
 * simulated time (a generator of synthetic history, see recording-clock.ts); the API never
 * passes it, so recorded_at is the database clock.
 */
export const setWiseAppendMigration: Migration = {
  id: 'event-store/0003-set-wise-append',
  sql: `
DROP FUNCTION nwd_append(text, text, jsonb);
CREATE FUNCTION nwd_append(p_stream text, p_expected text, p_events jsonb,
  p_now timestamptz DEFAULT NULL)
RETURNS TABLE (out_revision bigint, out_position bigint, out_duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  n int := jsonb_array_length(p_events);
  v_revision bigint;
  v_prev text;
  v_now timestamptz := date_trunc('milliseconds',
    coalesce(p_now, nullif(current_setting('nwd.now', true), '')::timestamptz, now()));
  v_ids uuid[];
  v_types text[];
  v_data jsonb[];
  v_meta jsonb[];
  v_revs bigint[];
  v_hashes text[] := '{}';
  i int;
BEGIN
  SELECT array_agg((j.e->>'eventId')::uuid ORDER BY j.ord), array_agg(j.e->>'type' ORDER BY j.ord),
         array_agg(j.e->'data' ORDER BY j.ord), array_agg(j.e->'metadata' ORDER BY j.ord)
    INTO v_ids, v_types, v_data, v_meta
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS j(e, ord);
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
    SELECT e.hash INTO v_prev FROM events e
      WHERE e.stream_id = p_stream AND e.revision = v_revision - n;
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
`,
};

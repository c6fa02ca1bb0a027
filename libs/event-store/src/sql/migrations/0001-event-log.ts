import type { Migration } from '../migrator.js';

/**
 * The event log. Guarantees held by the schema itself:
 * - an event id is stored once (unique index), so a replayed append adds nothing;
 * - (stream_id, revision) is unique, so two appends can never both take a revision;
 * - each event carries the id of the transaction that wrote it, so subscribers can read only
 *   below the oldest transaction still running and never skip an event that commits late;
 * - recorded_at comes from the database clock, inside the appending transaction;
 * - UPDATE, DELETE and TRUNCATE raise: the log is append-only at the database level.
 */
export const eventLogMigration: Migration = {
  id: 'event-store/0001-event-log',
  sql: `
CREATE TABLE events (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id uuid NOT NULL,
  stream_id text NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 0),
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
);
CREATE INDEX events_log_order ON events (transaction_id, position);

-- One row per stream: its current revision. The row lock serialises appends to one stream and
-- the revision check happens in the same statement that moves it.
CREATE TABLE streams (
  stream_id text PRIMARY KEY,
  revision bigint NOT NULL
);

CREATE FUNCTION nwd_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'the event log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'NWD02';
END
$fn$;
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION nwd_forbid_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION nwd_forbid_change();

-- One round trip per append: check and move the stream's revision, insert the events.
-- p_expected is a revision number as text, 'no_stream' or 'any'. Events already stored under the
-- same ids (a retried append) return the original revision and position and add nothing.
CREATE FUNCTION nwd_append(p_stream text, p_expected text, p_events jsonb)
RETURNS TABLE (out_revision bigint, out_position bigint, out_duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  n int := jsonb_array_length(p_events);
  v_revision bigint;
BEGIN
  IF EXISTS (SELECT 1 FROM events WHERE event_id = (p_events->0->>'eventId')::uuid) THEN
    RETURN QUERY SELECT max(e.revision), max(e.position), true FROM events e
      WHERE e.event_id IN (SELECT (x->>'eventId')::uuid FROM jsonb_array_elements(p_events) x);
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
  RETURN QUERY
    INSERT INTO events (event_id, stream_id, revision, type, data, metadata)
    SELECT (x.e->>'eventId')::uuid, p_stream, v_revision - n + x.ord, x.e->>'type', x.e->'data',
           x.e->'metadata'
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, ord)
    RETURNING revision, position, false;
END
$fn$;
`,
};

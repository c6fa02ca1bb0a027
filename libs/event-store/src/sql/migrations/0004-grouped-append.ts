import type { Migration } from '../migrator.js';

/**
 * Several appends, to any streams, in one statement and one transaction: the store groups
 * concurrent appends so that under load one round trip and one commit serve many requests (see
 * grouped-statements.ts). Each append runs `nwd_append` in its own subtransaction, so one that
 * fails (a wrong expected revision, a duplicate) is reported for that item alone and the others
 * still commit. Items are locked in the order given; the caller sorts them by stream so two
 * groups never wait for each other in a cycle.
 */
export const groupedAppendMigration: Migration = {
  id: 'event-store/0004-grouped-append',
  sql: `
CREATE FUNCTION nwd_append_group(p_streams text[], p_expected text[], p_events jsonb,
  p_now timestamptz DEFAULT NULL)
RETURNS TABLE (out_item int, out_revision bigint, out_position bigint, out_duplicate boolean,
  out_error text, out_constraint text, out_message text)
LANGUAGE plpgsql AS $fn$
BEGIN
  FOR i IN 1..coalesce(array_length(p_streams, 1), 0) LOOP
    out_item := i;
    out_error := NULL;
    out_constraint := NULL;
    out_message := NULL;
    BEGIN
      SELECT max(a.out_revision), max(a.out_position), bool_or(a.out_duplicate)
        INTO out_revision, out_position, out_duplicate
        FROM nwd_append(p_streams[i], p_expected[i], p_events->(i - 1), p_now) a;
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS out_error = RETURNED_SQLSTATE, out_constraint = CONSTRAINT_NAME,
        out_message = MESSAGE_TEXT;
      out_revision := NULL;
      out_position := NULL;
      out_duplicate := NULL;
    END;
    RETURN NEXT;
  END LOOP;
END
$fn$;
`,
};

-- The prototype in two-statement-append.prototype.sql, called as append.sql calls nwd_append:
-- pgbench -n -c 8 -j 2 -T 10 -M prepared -f bench/pgbench/two-statement-append.sql <db>
\set s random(1, 400)
SELECT * FROM nwd_append_two_statements('st-' || (:s)::int, 'any', jsonb_build_array(jsonb_build_object('eventId', gen_random_uuid(), 'type', 'ContactLogged', 'data', jsonb_build_object('seq', (:s)::int, 'kind', 'face_to_face', 'notes', repeat('x', 64)), 'metadata', jsonb_build_object('actor', jsonb_build_object('id', 'bench'), 'correlationId', gen_random_uuid(), 'causationId', null, 'occurredAt', '2026-01-01T00:00:00.000Z', 'schemaVersion', 1))), NULL);

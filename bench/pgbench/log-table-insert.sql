-- The log's table without the log's rules (README: "What limits the targets the benchmarks miss"):
-- single-row INSERTs into a copy of `events` with its keys and indexes, no stream row, no revision
-- check, no hash chain, no function. On a database migrated by nwd-hub (`nwd migrate`), after
-- CREATE TABLE rawlog (LIKE events INCLUDING ALL):
-- pgbench -n -c 8 -j 2 -T 10 -M prepared -f bench/pgbench/log-table-insert.sql <db>
\set s random(1, 400)
INSERT INTO rawlog (event_id, stream_id, revision, type, data, metadata, hash) VALUES (gen_random_uuid(), 'st-' || (:s)::int || '-' || gen_random_uuid(), 0, 'ContactLogged', jsonb_build_object('seq', (:s)::int, 'kind', 'face_to_face', 'notes', repeat('x', 64)), jsonb_build_object('actor', jsonb_build_object('id', 'bench'), 'correlationId', gen_random_uuid(), 'causationId', null, 'occurredAt', '2026-01-01T00:00:00.000Z', 'schemaVersion', 1), md5(random()::text) || md5(random()::text));

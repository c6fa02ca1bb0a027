-- The database side of the 8-writer append figure, without Node (README: "What limits the
-- targets the benchmarks miss"): pgbench -n -c 8 -j 2 -T 10 -M prepared -f bench/pgbench/raw-insert.sql <db>
-- after: CREATE TABLE raw8 (id bigserial PRIMARY KEY, stream_id text, type text, data jsonb, metadata jsonb)
\set s random(1, 400)
INSERT INTO raw8 (stream_id, type, data, metadata) VALUES ('s-' || (:s)::int, 'ContactLogged', jsonb_build_object('seq', (:s)::int, 'kind', 'face_to_face', 'notes', repeat('x', 64)), jsonb_build_object('actor', jsonb_build_object('id', 'bench'), 'correlationId', gen_random_uuid(), 'causationId', null, 'occurredAt', '2026-01-01T00:00:00.000Z', 'schemaVersion', 1));

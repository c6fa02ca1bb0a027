-- Run once by the postgres image when the database is first created (docker-entrypoint-initdb.d).
-- nwd_owner owns the schema and runs `nwd migrate`; nwd_app is the application, which `nwd
-- migrate` grants only what it needs (read the log, append through its functions, read models).
CREATE ROLE nwd_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE nwd_app LOGIN PASSWORD 'change-me-app';
ALTER DATABASE nwd OWNER TO nwd_owner;
GRANT ALL ON SCHEMA public TO nwd_owner;
ALTER SCHEMA public OWNER TO nwd_owner;

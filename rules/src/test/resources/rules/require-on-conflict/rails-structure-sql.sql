-- The end of a Rails db/structure.sql: the schema_migrations rows are real inserts, and a
-- re-run fails on the version primary key. ON CONFLICT DO NOTHING goes before the final ';'.
-- setup: CREATE TABLE "schema_migrations" ("version" character varying NOT NULL PRIMARY KEY)

SET search_path TO "$user", public;

-- expect: require-on-conflict at "INSERT INTO "schema_migrations" (version) VALUES"
INSERT INTO "schema_migrations" (version) VALUES
('20230101120000'),
('20230214093000'),
('20230301101500');



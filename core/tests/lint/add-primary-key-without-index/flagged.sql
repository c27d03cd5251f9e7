CREATE TABLE events (id bigint, payload jsonb);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '30min';
ALTER TABLE events ADD PRIMARY KEY (id);

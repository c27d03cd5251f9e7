CREATE TABLE events (id bigint NOT NULL, payload jsonb);
-- test: migration
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS events_pkey ON events (id);
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;
CREATE TABLE event_tags (event_id bigint NOT NULL, tag text NOT NULL);
ALTER TABLE event_tags ADD PRIMARY KEY (event_id, tag);

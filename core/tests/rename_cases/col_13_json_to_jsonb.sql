-- case: abbreviation expanded with json → jsonb
-- expect: column events.meta -> metadata
-- before
CREATE TABLE events (id bigserial PRIMARY KEY, kind text NOT NULL, meta json);
-- migration
ALTER TABLE events DROP COLUMN meta;
ALTER TABLE events ADD COLUMN metadata jsonb;

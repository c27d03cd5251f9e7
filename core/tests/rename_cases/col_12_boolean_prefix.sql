-- case: boolean gains an is_ prefix
-- expect: column features.enabled -> is_enabled
-- before
CREATE TABLE features (id serial PRIMARY KEY, key text NOT NULL, enabled boolean NOT NULL DEFAULT false);
-- migration
ALTER TABLE features ADD COLUMN is_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE features DROP COLUMN enabled;

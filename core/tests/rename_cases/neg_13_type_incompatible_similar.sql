-- case: same name idea, incompatible type: count became a list
-- expect: none
-- before
CREATE TABLE playlists (id serial PRIMARY KEY, track_count integer NOT NULL DEFAULT 0);
-- migration
ALTER TABLE playlists DROP COLUMN track_count, ADD COLUMN track_ids integer[] NOT NULL DEFAULT '{}';

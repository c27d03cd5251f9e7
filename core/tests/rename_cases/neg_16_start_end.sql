-- case: start date dropped, end date added, same type and shape
-- expect: none
-- before
CREATE TABLE bookings (id serial PRIMARY KEY, room_id integer NOT NULL, starts_at timestamptz NOT NULL);
-- migration
ALTER TABLE bookings DROP COLUMN starts_at;
ALTER TABLE bookings ADD COLUMN ends_at timestamptz NOT NULL;

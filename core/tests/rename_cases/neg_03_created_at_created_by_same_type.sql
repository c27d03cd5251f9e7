-- case: created_at (epoch millis) dropped, created_by (user id) added, both bigint, same slot
-- expect: none
-- before
CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL, created_at bigint NOT NULL, pinned boolean NOT NULL DEFAULT false);
-- after
CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL, created_by bigint NOT NULL, pinned boolean NOT NULL DEFAULT false);

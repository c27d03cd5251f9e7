CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);
CREATE INDEX orders_status_idx ON orders (status);
-- test: migration
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
-- An index on a table created in this migration: nobody else uses it yet.
CREATE TABLE order_notes (id bigint PRIMARY KEY, body text);
CREATE INDEX order_notes_body_idx ON order_notes (body);
DROP INDEX order_notes_body_idx;

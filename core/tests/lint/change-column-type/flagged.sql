CREATE TABLE orders (
    id integer PRIMARY KEY,
    amount integer NOT NULL,
    placed_at timestamp NOT NULL,
    note varchar(255),
    price numeric(10, 2),
    code varchar(20)
);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '30min';
ALTER TABLE orders ALTER COLUMN amount TYPE bigint;
ALTER TABLE orders ALTER COLUMN placed_at SET DATA TYPE timestamptz USING placed_at AT TIME ZONE 'UTC';
-- Changing the scale of a numeric rewrites.
ALTER TABLE orders ALTER COLUMN price TYPE numeric(12, 4);
-- Widening, but the USING expression computes new values.
ALTER TABLE orders ALTER COLUMN code TYPE varchar(40) USING upper(code);

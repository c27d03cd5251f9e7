CREATE TABLE users (
    id bigint PRIMARY KEY,
    name varchar(50) NOT NULL,
    bio varchar(500),
    title character varying(20),
    balance numeric(10, 2) NOT NULL DEFAULT 0,
    score numeric(8, 3)
);
-- test: migration
-- Metadata-only changes: no rewrite.
ALTER TABLE users ALTER COLUMN name TYPE varchar(100);
ALTER TABLE users ALTER COLUMN bio TYPE text;
ALTER TABLE users ALTER COLUMN title SET DATA TYPE varchar USING title::varchar;
ALTER TABLE users ALTER COLUMN balance TYPE numeric(14, 2);
ALTER TABLE users ALTER COLUMN score TYPE numeric;
-- Same type, written differently.
ALTER TABLE users ALTER COLUMN id TYPE int8;
-- A table created in this migration holds no rows.
CREATE TABLE imports (id integer PRIMARY KEY, size integer);
ALTER TABLE imports ALTER COLUMN size TYPE bigint;

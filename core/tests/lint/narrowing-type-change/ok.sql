CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TYPE mood_v2 AS ENUM ('ok', 'happy');
CREATE TABLE users (
    id integer PRIMARY KEY,
    name varchar(50) NOT NULL,
    bio varchar(500),
    balance numeric(10, 2) NOT NULL DEFAULT 0,
    seen_at timestamp,
    current_mood mood
);
-- test: migration
ALTER TABLE users ALTER COLUMN id TYPE bigint;
ALTER TABLE users ALTER COLUMN name TYPE varchar(255);
ALTER TABLE users ALTER COLUMN bio TYPE text;
ALTER TABLE users ALTER COLUMN balance TYPE numeric(14, 2);
ALTER TABLE users ALTER COLUMN seen_at TYPE timestamptz;
-- User-defined (enum) types are left to the enum rules.
ALTER TABLE users ALTER COLUMN current_mood TYPE mood_v2 USING current_mood::text::mood_v2;
-- Narrowing a column of a table created in this migration: no rows yet.
CREATE TABLE drafts (id bigint PRIMARY KEY, title text);
ALTER TABLE drafts ALTER COLUMN title TYPE varchar(80);

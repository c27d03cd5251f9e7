CREATE TABLE users (
    id bigint PRIMARY KEY,
    name varchar(255) NOT NULL,
    login_count bigint NOT NULL DEFAULT 0,
    age text,
    balance numeric(12, 4) NOT NULL DEFAULT 0,
    last_seen_at timestamptz,
    born_at timestamp
);
-- test: migration
SET lock_timeout = '2s';
SET statement_timeout = '30min';
ALTER TABLE users ALTER COLUMN name TYPE varchar(50);
ALTER TABLE users ALTER COLUMN login_count TYPE integer;
ALTER TABLE users ALTER COLUMN age TYPE integer USING age::integer;
ALTER TABLE users ALTER COLUMN balance TYPE numeric(10, 2);
ALTER TABLE users ALTER COLUMN last_seen_at TYPE timestamp;
ALTER TABLE users ALTER COLUMN born_at TYPE date;

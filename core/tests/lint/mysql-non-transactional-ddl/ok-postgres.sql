-- test: migration
-- Postgres runs DDL transactionally: this rule is MySQL-only.
CREATE TABLE a (id bigint PRIMARY KEY);
CREATE TABLE b (id bigint PRIMARY KEY);

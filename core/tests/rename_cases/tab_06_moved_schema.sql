-- case: table moved to another schema
-- expect: table events -> analytics.events
-- before
CREATE SCHEMA analytics;
CREATE TABLE events (id bigserial PRIMARY KEY, name text NOT NULL, properties jsonb, occurred_at timestamptz NOT NULL);
-- after
CREATE SCHEMA analytics;
CREATE TABLE analytics.events (id bigserial PRIMARY KEY, name text NOT NULL, properties jsonb, occurred_at timestamptz NOT NULL);

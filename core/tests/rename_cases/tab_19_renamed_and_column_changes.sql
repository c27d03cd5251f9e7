-- case: table renamed with one real drop and one real add inside
-- expect: table subscriptions -> memberships
-- before
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE subscriptions (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), plan text NOT NULL, renews_at timestamptz, coupon text);
-- after
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE memberships (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), plan text NOT NULL, renews_at timestamptz, seats integer NOT NULL DEFAULT 1);

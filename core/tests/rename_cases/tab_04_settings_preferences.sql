-- case: settings table replaced by a preferences table with different data, same user link
-- expect: none
-- before
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE user_settings (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), theme text, locale text);
-- after
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE user_preferences (id serial PRIMARY KEY, user_id integer NOT NULL REFERENCES users(id), notifications_enabled boolean NOT NULL DEFAULT true, timezone text);

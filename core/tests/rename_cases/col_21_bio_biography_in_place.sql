-- case: abbreviation, type widened, NOT NULL and default added, same slot
-- expect: column profiles.bio -> biography
-- before
CREATE TABLE profiles (id serial PRIMARY KEY, user_id integer NOT NULL, bio varchar(500), avatar_url text);
-- after
CREATE TABLE profiles (id serial PRIMARY KEY, user_id integer NOT NULL, biography text NOT NULL DEFAULT '', avatar_url text);

-- case: identity primary key renamed id → user_id
-- expect: column app_users.id -> user_id
-- before
CREATE TABLE app_users (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
-- after
CREATE TABLE app_users (user_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);

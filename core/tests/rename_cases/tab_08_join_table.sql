-- case: join table renamed (no data columns, only keys)
-- expect: table user_roles -> role_assignments
-- before
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE roles (id serial PRIMARY KEY);
CREATE TABLE user_roles (user_id integer NOT NULL REFERENCES users(id), role_id integer NOT NULL REFERENCES roles(id), PRIMARY KEY (user_id, role_id));
-- after
CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE roles (id serial PRIMARY KEY);
CREATE TABLE role_assignments (user_id integer NOT NULL REFERENCES users(id), role_id integer NOT NULL REFERENCES roles(id), PRIMARY KEY (user_id, role_id));

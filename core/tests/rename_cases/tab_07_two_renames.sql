-- case: two tables renamed at once, sharing id and name
-- expect: table cats -> felines
-- expect: table dogs -> canines
-- before
CREATE TABLE cats (id serial PRIMARY KEY, name text NOT NULL, lives integer NOT NULL DEFAULT 9);
CREATE TABLE dogs (id serial PRIMARY KEY, name text NOT NULL, breed text);
-- after
CREATE TABLE felines (id serial PRIMARY KEY, name text NOT NULL, lives integer NOT NULL DEFAULT 9);
CREATE TABLE canines (id serial PRIMARY KEY, name text NOT NULL, breed text);

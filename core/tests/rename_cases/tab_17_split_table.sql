-- case: one table dropped, two new tables each with part of its columns
-- expect: table people -> persons
-- before
CREATE TABLE people (id serial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL, street text, city text);
-- after
CREATE TABLE persons (id serial PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL);
CREATE TABLE person_addresses (id serial PRIMARY KEY, person_id integer NOT NULL REFERENCES persons(id), street text, city text);

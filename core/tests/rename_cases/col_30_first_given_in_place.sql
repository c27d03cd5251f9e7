-- case: first/last → given/family names, in place (a replaced word: hard)
-- expect: column authors.first_name -> given_name
-- expect: column authors.last_name -> family_name
-- before
CREATE TABLE authors (id serial PRIMARY KEY, first_name varchar(80) NOT NULL, last_name varchar(80) NOT NULL, bio text);
-- after
CREATE TABLE authors (id serial PRIMARY KEY, given_name varchar(80) NOT NULL, family_name varchar(80) NOT NULL, bio text);

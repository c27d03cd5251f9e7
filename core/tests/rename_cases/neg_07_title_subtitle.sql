-- case: title dropped, subtitle added
-- expect: none
-- before
CREATE TABLE chapters (id serial PRIMARY KEY, book_id integer NOT NULL, title text);
-- migration
ALTER TABLE chapters DROP COLUMN title;
ALTER TABLE chapters ADD COLUMN subtitle text;

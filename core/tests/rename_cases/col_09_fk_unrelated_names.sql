-- case: names share nothing but the foreign key and its index are re-created
-- expect: column articles.author_id -> writer_id
-- before
CREATE TABLE users (id serial PRIMARY KEY, name text);
CREATE TABLE articles (id serial PRIMARY KEY, title text, author_id integer REFERENCES users(id) ON DELETE CASCADE);
CREATE INDEX articles_author_idx ON articles (author_id);
-- migration
ALTER TABLE articles DROP COLUMN author_id;
ALTER TABLE articles ADD COLUMN writer_id integer REFERENCES users(id) ON DELETE CASCADE;
CREATE INDEX articles_writer_idx ON articles (writer_id);

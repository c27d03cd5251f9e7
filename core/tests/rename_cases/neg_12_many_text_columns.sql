-- case: several text columns dropped and unrelated text columns added
-- expect: none
-- before
CREATE TABLE listings (id serial PRIMARY KEY, headline text, summary text, notes text);
-- migration
ALTER TABLE listings DROP COLUMN headline, DROP COLUMN summary, DROP COLUMN notes;
ALTER TABLE listings ADD COLUMN seo_title text, ADD COLUMN body_html text, ADD COLUMN internal_comment text;

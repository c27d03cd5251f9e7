-- case: abbreviation expanded and the type widened within its family
-- expect: column products.desc -> description
-- before
CREATE TABLE products (id serial PRIMARY KEY, sku text NOT NULL, "desc" varchar(255));
-- migration
ALTER TABLE products DROP COLUMN "desc";
ALTER TABLE products ADD COLUMN description text;

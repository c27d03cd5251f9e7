-- case: two dropped and two added tables, one pair a rename, the other not
-- expect: table product -> products
-- before
CREATE TABLE product (id serial PRIMARY KEY, name text NOT NULL, price_cents integer NOT NULL);
CREATE TABLE wishlist (id serial PRIMARY KEY, user_id integer NOT NULL, note text);
-- after
CREATE TABLE products (id serial PRIMARY KEY, name text NOT NULL, price_cents integer NOT NULL);
CREATE TABLE reviews (id serial PRIMARY KEY, user_id integer NOT NULL, rating integer NOT NULL, body text);

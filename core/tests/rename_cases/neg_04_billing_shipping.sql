-- case: a word replaced: billing_address dropped, shipping_address added
-- expect: none
-- before
CREATE TABLE carts (id serial PRIMARY KEY, user_id integer NOT NULL, billing_address text);
-- migration
ALTER TABLE carts DROP COLUMN billing_address;
ALTER TABLE carts ADD COLUMN shipping_address text;

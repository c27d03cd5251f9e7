-- case: singular table name pluralised, one column renamed inside
-- expect: table order_item -> order_items
-- expect: column order_items.price -> unit_price
-- before
CREATE TABLE order_item (id serial PRIMARY KEY, order_id integer NOT NULL, product_id integer NOT NULL, price numeric(10,2) NOT NULL, quantity integer NOT NULL);
-- after
CREATE TABLE order_items (id serial PRIMARY KEY, order_id integer NOT NULL, product_id integer NOT NULL, unit_price numeric(10,2) NOT NULL, quantity integer NOT NULL);

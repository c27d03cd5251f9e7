CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);
-- test: migration
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);
CREATE TABLE fresh (a int);
CREATE INDEX fresh_a_idx ON fresh (a);

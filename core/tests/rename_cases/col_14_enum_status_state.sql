-- case: same user-defined enum type and default, names unrelated but same slot
-- expect: column orders.status -> state
-- before
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
CREATE TABLE orders (id serial PRIMARY KEY, status order_status NOT NULL DEFAULT 'pending', total numeric(12,2) NOT NULL);
-- after
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped');
CREATE TABLE orders (id serial PRIMARY KEY, state order_status NOT NULL DEFAULT 'pending', total numeric(12,2) NOT NULL);

-- case: same uncommon numeric type, unrelated names, in the same place
-- expect: none
-- before
CREATE TABLE plans (id serial PRIMARY KEY, name text NOT NULL, price numeric(10,2), interval_months integer NOT NULL);
-- after
CREATE TABLE plans (id serial PRIMARY KEY, name text NOT NULL, discount numeric(10,2), interval_months integer NOT NULL);

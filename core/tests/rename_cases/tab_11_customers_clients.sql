-- case: synonyms, same columns and indexes
-- expect: table customers -> clients
-- before
CREATE TABLE customers (id serial PRIMARY KEY, company text NOT NULL, vat_number text, country char(2) NOT NULL);
CREATE INDEX customers_country_idx ON customers (country);
-- after
CREATE TABLE clients (id serial PRIMARY KEY, company text NOT NULL, vat_number text, country char(2) NOT NULL);
CREATE INDEX clients_country_idx ON clients (country);

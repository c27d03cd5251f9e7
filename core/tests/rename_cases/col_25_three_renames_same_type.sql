-- case: three text columns renamed at once, abbreviations and qualifiers
-- expect: column shipping.addr1 -> address_line1
-- expect: column shipping.addr2 -> address_line2
-- expect: column shipping.zip -> zip_code
-- before
CREATE TABLE shipping (id serial PRIMARY KEY, addr1 text NOT NULL, addr2 text, zip text NOT NULL, country char(2) NOT NULL);
-- migration
ALTER TABLE shipping DROP COLUMN addr1, DROP COLUMN addr2, DROP COLUMN zip;
ALTER TABLE shipping ADD COLUMN address_line1 text NOT NULL, ADD COLUMN address_line2 text, ADD COLUMN zip_code text NOT NULL;

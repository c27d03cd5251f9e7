CREATE TABLE "products" ("id" bigserial PRIMARY KEY, "sku" text NOT NULL);
-- test: migration
-- A staging table created in this migration: truncating it loses nothing anyone wrote.
CREATE TABLE "product_import" ("sku" text NOT NULL, "price" numeric(10, 2));
INSERT INTO "product_import" SELECT "sku", 0 FROM "products";
TRUNCATE "product_import";

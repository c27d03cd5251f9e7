-- test: dialect=mysql
CREATE TABLE `products` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(100) NOT NULL,
  `sku` VARCHAR(20) NOT NULL,
  `status` ENUM('draft', 'live') NOT NULL DEFAULT 'draft',
  `body` TEXT NULL,
  `weight` INT NULL,
  PRIMARY KEY (`id`)
);
-- test: migration
-- Within the same length-byte range: in place.
ALTER TABLE `products` MODIFY `title` VARCHAR(200) NOT NULL;
ALTER TABLE `products` MODIFY COLUMN `sku` VARCHAR(60) NOT NULL;
-- Appending an enum value is instant.
ALTER TABLE `products` MODIFY `status` ENUM('draft', 'live', 'archived') NOT NULL DEFAULT 'draft';
-- Only nullability / a rename: the type does not change.
ALTER TABLE `products` MODIFY `body` TEXT NOT NULL;
ALTER TABLE `products` CHANGE `weight` `weight_grams` INT NULL;
-- MySQL refuses rather than copy when ALGORITHM=INPLACE is stated.
ALTER TABLE `products` MODIFY `weight_grams` BIGINT NULL, ALGORITHM=INPLACE, LOCK=NONE;

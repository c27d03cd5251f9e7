-- test: dialect=mysql
CREATE TABLE `Product` (`id` INT NOT NULL AUTO_INCREMENT, `weight` DOUBLE NULL, PRIMARY KEY (`id`));
-- test: migration
-- CHANGE that keeps the name (only the letter case differs: MySQL column names are case-insensitive) is a type change, not a rename.
ALTER TABLE `Product` CHANGE `weight` `Weight` DECIMAL(8, 3) NULL;

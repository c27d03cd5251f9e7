-- test: dialect=mysql
CREATE TABLE `users` (`id` INT NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`));
-- test: migration
ALTER TABLE `users` ADD COLUMN `tier` VARCHAR(20) NOT NULL;

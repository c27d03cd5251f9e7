-- test: dialect=mysql
CREATE TABLE `posts` (`id` BIGINT NOT NULL AUTO_INCREMENT, `status` VARCHAR(20) NULL, PRIMARY KEY (`id`));
-- test: migration
-- One DDL statement (changes to one table combined, which is atomic), plus data statements and session settings.
SET SESSION lock_wait_timeout = 5;
ALTER TABLE `posts` ADD COLUMN `content` TEXT NULL, ADD COLUMN `meta` JSON NULL;
UPDATE `posts` SET `status` = 'draft' WHERE `status` IS NULL;

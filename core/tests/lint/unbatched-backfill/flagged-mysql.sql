-- test: dialect=mysql
CREATE TABLE `orders` (`id` INT NOT NULL AUTO_INCREMENT, `currency` CHAR(3) NULL, PRIMARY KEY (`id`));
CREATE TABLE `audit_log` (`id` BIGINT NOT NULL AUTO_INCREMENT, `msg` TEXT, PRIMARY KEY (`id`));
-- test: migration
ALTER TABLE `orders` ADD COLUMN `currency_code` CHAR(3) NULL;
UPDATE `orders` SET `currency_code` = `currency`;
DELETE FROM `audit_log`;

-- test: dialect=mysql
CREATE TABLE `audit_log` (`id` BIGINT NOT NULL AUTO_INCREMENT, `action` VARCHAR(64) NOT NULL, PRIMARY KEY (`id`));
-- test: migration
TRUNCATE TABLE `audit_log`;

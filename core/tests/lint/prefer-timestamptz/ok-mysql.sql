-- test: dialect=mysql
-- test: migration
-- MySQL TIMESTAMP is stored in UTC; this rule is for Postgres.
CREATE TABLE `events` (`id` BIGINT NOT NULL AUTO_INCREMENT, `at` TIMESTAMP NOT NULL, PRIMARY KEY (`id`));

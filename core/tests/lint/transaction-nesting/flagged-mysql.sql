-- test: dialect=mysql
CREATE TABLE `counters` (`name` VARCHAR(64) NOT NULL, `value` BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (`name`));
-- test: migration
START TRANSACTION;
INSERT INTO `counters` (`name`) VALUES ('orders');
START TRANSACTION;
INSERT INTO `counters` (`name`) VALUES ('invoices');
COMMIT;

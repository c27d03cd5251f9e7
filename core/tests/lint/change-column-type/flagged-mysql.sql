-- test: dialect=mysql
CREATE TABLE `users` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(50) NOT NULL,
  `visits` INT NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`)
);
-- test: migration
-- 50 to 100 characters crosses 255 bytes in utf8mb4: the length prefix grows, so MySQL copies.
ALTER TABLE `users` MODIFY `name` VARCHAR(100) NOT NULL;
ALTER TABLE `users` CHANGE COLUMN `visits` `visit_count` BIGINT NOT NULL DEFAULT 0;

-- test: dialect=mysql
CREATE TABLE `orders` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `note` TEXT NULL,
  `shipped_at` DATETIME(3) NULL,
  `state` ENUM('new', 'paid', 'shipped', 'lost') NOT NULL DEFAULT 'new',
  PRIMARY KEY (`id`)
);
-- test: migration
ALTER TABLE `orders` MODIFY `id` INT NOT NULL AUTO_INCREMENT;
ALTER TABLE `orders` MODIFY `note` VARCHAR(191) NULL;
ALTER TABLE `orders` CHANGE `shipped_at` `shipped_at` TIMESTAMP(3) NULL;
ALTER TABLE `orders` MODIFY `state` ENUM('new', 'paid', 'shipped') NOT NULL DEFAULT 'new';

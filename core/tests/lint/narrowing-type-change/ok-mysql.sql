-- test: dialect=mysql
CREATE TABLE `posts` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `title` VARCHAR(191) NOT NULL,
  `views` INT UNSIGNED NOT NULL DEFAULT 0,
  `kind` ENUM('post', 'page') NOT NULL,
  PRIMARY KEY (`id`)
);
-- test: migration
ALTER TABLE `posts` MODIFY `id` BIGINT NOT NULL AUTO_INCREMENT;
ALTER TABLE `posts` MODIFY `title` TEXT NOT NULL;
ALTER TABLE `posts` MODIFY `views` BIGINT NOT NULL DEFAULT 0;
ALTER TABLE `posts` MODIFY `kind` ENUM('post', 'page', 'link') NOT NULL;

-- test: dialect=mysql enable=prefer-robust-stmts
CREATE TABLE `old_tokens` (`id` INT NOT NULL, PRIMARY KEY (`id`));
-- test: migration
CREATE TABLE `api_tokens` (
  `id` INT NOT NULL AUTO_INCREMENT,
  `token` VARCHAR(64) NOT NULL,
  PRIMARY KEY (`id`)
);
DROP TABLE `old_tokens`;

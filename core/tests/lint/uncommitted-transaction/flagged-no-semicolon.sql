-- test: dialect=mysql
CREATE TABLE `users` (`id` INT NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`));
-- test: migration
START TRANSACTION;
INSERT INTO `users` (`id`) VALUES (1);
INSERT INTO `users` (`id`) VALUES (2)
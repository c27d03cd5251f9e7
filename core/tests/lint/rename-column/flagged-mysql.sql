-- test: dialect=mysql history=prisma
CREATE TABLE `Customer` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(191) NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE `Product` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `weight` DOUBLE NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- test: migration
-- Written by hand (the staging replica is still MariaDB 10.4, which has no
-- RENAME COLUMN). Prisma would have dropped `weight` and added `weightKg`.
ALTER TABLE `Product` CHANGE COLUMN `weight` `weightKg` DOUBLE NULL;
-- driftgate-ignore mysql-non-transactional-ddl: two independent renames
ALTER TABLE `Customer` RENAME COLUMN `name` TO `fullName`;

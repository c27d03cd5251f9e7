-- test: dialect=mysql enable=ban-char-field history=prisma
-- test: migration
-- CreateTable
CREATE TABLE `Address` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `line1` VARCHAR(191) NOT NULL,
    `country` CHAR(2) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

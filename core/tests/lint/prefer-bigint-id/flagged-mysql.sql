-- test: dialect=mysql history=prisma
-- test: migration
-- CreateTable
CREATE TABLE `Category` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(80) NOT NULL,

    UNIQUE INDEX `Category_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `Tag` (`id` INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, `label` VARCHAR(40) NOT NULL);

-- test: dialect=mysql history=prisma
CREATE TABLE `Category` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `name` VARCHAR(80) NOT NULL,
    UNIQUE INDEX `Category_name_key`(`name`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- test: migration
-- Created with `prisma migrate dev --create-only` and edited by hand.
-- Adding @@map("categories") to model Category made Prisma generate
-- DropForeignKey x2, DROP TABLE `Category`, CREATE TABLE `categories` and
-- AddForeignKey x2: every category and every product/category link lost.
-- A rename keeps the rows.

RENAME TABLE `Category` TO `categories`;

-- RenameIndex
ALTER TABLE `categories` RENAME INDEX `Category_name_key` TO `categories_name_key`;

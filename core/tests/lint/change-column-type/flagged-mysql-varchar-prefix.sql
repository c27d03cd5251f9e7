-- test: dialect=mysql history=prisma
CREATE TABLE `Customer` (
    `id` INTEGER NOT NULL AUTO_INCREMENT,
    `fullName` VARCHAR(191) NOT NULL,
    `nickname` VARCHAR(40) NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- test: migration
/*
  Warnings:

  - You are about to alter the column `fullName` on the `Customer` table, which contains 57 non-null values. The data in that column will be cast from `VarChar(191)` to `VarChar(120)`.

*/
-- AlterTable
ALTER TABLE `Customer` MODIFY `fullName` VARCHAR(120) NOT NULL,
    MODIFY `nickname` VARCHAR(80) NULL;

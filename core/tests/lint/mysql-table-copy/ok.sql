-- test: dialect=mysql history=prisma
CREATE TABLE `Order` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `status` ENUM('PENDING', 'PAID', 'SHIPPED') NOT NULL DEFAULT 'PENDING',
    `note` VARCHAR(100) NULL,
    `code` VARCHAR(20) NOT NULL,
    `weight` DOUBLE NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- test: migration
-- driftgate-ignore-file mysql-non-transactional-ddl: fixture
-- Appending ENUM values is instant.
ALTER TABLE `Order` MODIFY `status` ENUM('PENDING', 'PAID', 'SHIPPED', 'REFUNDED') NOT NULL DEFAULT 'PENDING';
-- Widening a VARCHAR on the same side of 255 bytes is in place (400 -> 600 bytes in utf8mb4).
ALTER TABLE `Order` MODIFY `note` VARCHAR(150) NULL;
-- Adding a column at the end is instant; so is a rename that keeps the definition.
ALTER TABLE `Order` ADD COLUMN `trackingCode` VARCHAR(64) NULL;
ALTER TABLE `Order` CHANGE `weight` `weightKg` DOUBLE NULL;
-- Same definition restated (only the default changes): no copy.
ALTER TABLE `Order` MODIFY `code` VARCHAR(20) NOT NULL DEFAULT '';
-- An explicit ALGORITHM=INPLACE accepts the rebuild of a reorder.
ALTER TABLE `Order` MODIFY `note` VARCHAR(150) NULL AFTER `code`, ALGORITHM=INPLACE, LOCK=NONE;
-- A table created in this migration is empty.
CREATE TABLE `Shipment` (`id` BIGINT NOT NULL AUTO_INCREMENT, `carrier` VARCHAR(20) NOT NULL, PRIMARY KEY (`id`));
ALTER TABLE `Shipment` MODIFY `carrier` ENUM('UPS', 'DHL') NOT NULL;

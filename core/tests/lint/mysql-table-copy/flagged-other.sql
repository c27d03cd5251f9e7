-- test: dialect=mysql
CREATE TABLE `events` (
    `id` INT NOT NULL AUTO_INCREMENT,
    `kind` VARCHAR(32) NOT NULL,
    `payload` TEXT NULL,
    `created_at` DATETIME(3) NOT NULL,
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET latin1;
-- test: migration
-- driftgate-ignore-file mysql-non-transactional-ddl: fixture
ALTER TABLE `events` MODIFY `id` BIGINT NOT NULL AUTO_INCREMENT;
ALTER TABLE `events` ADD COLUMN `tenant_id` INT NULL AFTER `id`;
ALTER TABLE `events` MODIFY `created_at` DATETIME(3) NOT NULL FIRST;
ALTER TABLE `events` MODIFY `payload` TEXT NOT NULL;
ALTER TABLE `events` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
ALTER TABLE `events` ENGINE = InnoDB, ALGORITHM = COPY;
ALTER TABLE `events` MODIFY `kind` VARCHAR(16) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;

-- test: dialect=mysql
-- test: migration
CREATE TABLE `customer_notification_preferences` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `customer_notification_preferences_marketing_email_opt_in_changed_at` DATETIME(3) NULL,
    PRIMARY KEY (`id`)
);

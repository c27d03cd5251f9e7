-- test: dialect=mysql history=drizzle
CREATE TABLE `posts` (`id` serial AUTO_INCREMENT NOT NULL, `published` boolean NOT NULL DEFAULT false, CONSTRAINT `posts_id` PRIMARY KEY(`id`));
CREATE INDEX `posts_published_idx` ON `posts` (`published`);
-- test: migration
DROP INDEX `posts_published_idx` ON `posts`;--> statement-breakpoint
ALTER TABLE `posts` ADD `content` text;--> statement-breakpoint
ALTER TABLE `posts` ADD `meta` json;--> statement-breakpoint
ALTER TABLE `posts` ADD `rating` decimal(3,2) DEFAULT '0.00';

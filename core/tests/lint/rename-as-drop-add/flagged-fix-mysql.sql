-- test: dialect=mysql history=drizzle
CREATE TABLE `posts` (
	`id` serial AUTO_INCREMENT NOT NULL,
	`author_id` int NOT NULL,
	`title` varchar(200) NOT NULL,
	`body` text,
	`published` boolean NOT NULL DEFAULT false,
	CONSTRAINT `posts_id` PRIMARY KEY(`id`)
);
-- test: migration
ALTER TABLE `posts` ADD `content` text;--> statement-breakpoint
ALTER TABLE `posts` ADD `meta` json;--> statement-breakpoint
ALTER TABLE `posts` ADD `rating` decimal(3,2) DEFAULT '0.00';--> statement-breakpoint
ALTER TABLE `posts` DROP COLUMN `body`;

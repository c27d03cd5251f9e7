-- test: dialect=mysql history=drizzle
CREATE TABLE `post_tag_links` (
	`post_id` int NOT NULL,
	`tag_id` int NOT NULL,
	CONSTRAINT `post_tags_post_id_tag_id_pk` PRIMARY KEY(`post_id`,`tag_id`)
);
-- test: migration
ALTER TABLE `post_tag_links` DROP PRIMARY KEY;--> statement-breakpoint
ALTER TABLE `post_tag_links` ADD PRIMARY KEY(`post_id`,`tag_id`);

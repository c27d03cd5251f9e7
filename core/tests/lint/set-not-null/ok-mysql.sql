-- test: dialect=mysql
-- test: migration
ALTER TABLE users MODIFY email varchar(255) NOT NULL;

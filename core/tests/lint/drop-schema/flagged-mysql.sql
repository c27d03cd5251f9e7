-- test: dialect=mysql
-- test: migration
DROP DATABASE IF EXISTS `legacy_reports`;

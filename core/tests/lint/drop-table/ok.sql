-- test: migration
CREATE TABLE scratch (id int);
DROP TABLE scratch;

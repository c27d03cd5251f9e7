-- test: migration
CREATE TABLE t (id int);

-- test: migration
CRATE TABLE users (id int);
CREATE TABLE t (a int;
SELECT 'unterminated;

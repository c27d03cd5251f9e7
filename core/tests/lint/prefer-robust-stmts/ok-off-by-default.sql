-- The rule is off unless enabled.
CREATE TABLE credits (id bigint PRIMARY KEY);
DROP TABLE credits;

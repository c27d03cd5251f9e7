CREATE TABLE sessions (id bigserial PRIMARY KEY);
-- test: migration
-- Not a down file: drops are drop-table's business, not this rule's.
DROP TABLE sessions;

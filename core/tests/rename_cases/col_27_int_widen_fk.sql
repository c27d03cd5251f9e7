-- case: integer → bigint together with a rename, foreign key re-created
-- expect: column comments.post -> post_id
-- before
CREATE TABLE posts (id bigserial PRIMARY KEY);
CREATE TABLE comments (id bigserial PRIMARY KEY, post integer NOT NULL REFERENCES posts(id), body text NOT NULL);
-- after
CREATE TABLE posts (id bigserial PRIMARY KEY);
CREATE TABLE comments (id bigserial PRIMARY KEY, post_id bigint NOT NULL REFERENCES posts(id), body text NOT NULL);

-- test: migration
-- Exactly 63 bytes is allowed; names the database generates (unnamed constraints) are truncated safely by it.
CREATE TABLE "organization_membership_invitations" (
    "id" bigserial PRIMARY KEY,
    "invited_by_user_id" bigint NOT NULL REFERENCES "users" ("id"),
    "created_at" timestamptz NOT NULL
);
CREATE INDEX "organization_membership_invitations_invited_by_user_created_idx" ON "organization_membership_invitations" ("invited_by_user_id", "created_at");
-- Multi-byte names count bytes, not characters: 31 characters, 62 bytes.
CREATE TABLE "ééééééééééééééééééééééééééééééé" ("id" bigint PRIMARY KEY);

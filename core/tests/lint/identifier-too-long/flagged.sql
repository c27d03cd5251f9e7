-- test: history=drizzle
CREATE TABLE "users" ("id" bigserial PRIMARY KEY NOT NULL, "email" text NOT NULL);
--> statement-breakpoint
CREATE TABLE "organization_membership_invitations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" bigint NOT NULL,
	"invited_by_user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "organization_membership_invitations_organization_id_created_at_idx" ON "organization_membership_invitations" USING btree ("organization_id","created_at");
-- test: migration
ALTER TABLE "organization_membership_invitations" ADD CONSTRAINT "organization_membership_invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organization_membership_invitations_organization_id_created_at_desc_idx" ON "organization_membership_invitations" USING btree ("organization_id","created_at" DESC);
--> statement-breakpoint
-- Byte 63 falls inside the "ä": Postgres keeps the 62 bytes before it.
ALTER TABLE "users" ADD COLUMN "benachrichtigungseinstellungen_für_e_mail_werbungs_zuletzt_geändert" timestamp with time zone;

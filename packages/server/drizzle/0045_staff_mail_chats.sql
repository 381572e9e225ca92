CREATE TABLE "report_chats" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"chat_hash" text NOT NULL,
	"chat_enc" text NOT NULL,
	"phone_number_id" text,
	"last_inbound_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"host" text,
	"port" integer,
	"secure" boolean DEFAULT false NOT NULL,
	"username" text,
	"password_enc" text,
	"from_address" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_settings_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "staff_notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"event_key" text NOT NULL,
	"delivery" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messenger_outbox" ADD COLUMN "report_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "email_notifications" text DEFAULT 'digest' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_chats" ADD CONSTRAINT "report_chats_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_chats_chat_idx" ON "report_chats" USING btree ("channel","chat_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_notifications_event_idx" ON "staff_notifications" USING btree ("staff_id","event_key");--> statement-breakpoint
CREATE INDEX "staff_notifications_due_idx" ON "staff_notifications" USING btree ("sent_at","next_attempt_at");--> statement-breakpoint
ALTER TABLE "messenger_outbox" ADD CONSTRAINT "messenger_outbox_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- One setting says whether notices to reporters carry a reply's words, for every channel (issue 14 item 5): the old
-- `channels.sms` includeContent joins `notifications.reporter` (on if either was on), and leaves `channels.sms`.
INSERT INTO "settings" ("key", "value")
SELECT 'notifications.reporter', jsonb_build_object('includeContent', true)
 WHERE EXISTS (SELECT 1 FROM "settings" WHERE "key" = 'channels.sms' AND ("value"->>'includeContent')::boolean)
ON CONFLICT ("key") DO UPDATE SET "value" = jsonb_build_object('includeContent', true), "updated_at" = now();--> statement-breakpoint
UPDATE "settings" SET "value" = "value" - 'includeContent' WHERE "key" = 'channels.sms' AND "value" ? 'includeContent';

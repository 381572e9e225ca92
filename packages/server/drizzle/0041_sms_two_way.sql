CREATE TABLE "channel_sms_usage" (
	"month" text PRIMARY KEY NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"held_since" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "channel_outbox" ADD COLUMN "status" text DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_outbox" ADD COLUMN "purpose" text DEFAULT 'answer' NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_outbox" ADD COLUMN "report_id" uuid;--> statement-breakpoint
ALTER TABLE "channel_outbox" ADD COLUMN "status_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "channel_outbox_provider_id_idx" ON "channel_outbox" USING btree ("provider","provider_message_id");--> statement-breakpoint
CREATE INDEX "channel_outbox_report_idx" ON "channel_outbox" USING btree ("report_id");--> statement-breakpoint
-- Hand-written (issue 14, two-way SMS): rows sent before this migration are `sent`, and those that used up every
-- attempt (8, channels/channel-sessions.repo.ts MAX_SEND_ATTEMPTS) are `failed`.
UPDATE "channel_outbox" SET "status" = CASE WHEN "sent_at" IS NOT NULL THEN 'sent' WHEN "attempts" >= 8 THEN 'failed' ELSE 'queued' END;

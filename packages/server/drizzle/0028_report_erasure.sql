ALTER TABLE "reports" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "erased_by" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "messages_erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "reports_retention_personal_idx" ON "reports" USING btree ("ended_at") WHERE "reports"."erased_at" IS NULL AND "reports"."ended_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_retention_messages_idx" ON "reports" USING btree ("ended_at") WHERE "reports"."messages_erased_at" IS NULL AND "reports"."ended_at" IS NOT NULL;
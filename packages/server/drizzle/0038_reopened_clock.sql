ALTER TABLE "reports" ADD COLUMN "reopened_at" timestamp with time zone;--> statement-breakpoint
-- Reports the reporter already reopened: their resolution clock restarts from that answer.
UPDATE "reports" SET "reopened_at" = "reporter_confirmed_at" WHERE "reporter_confirmed" = false AND "reporter_confirmed_at" IS NOT NULL;

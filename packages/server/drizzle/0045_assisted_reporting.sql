ALTER TABLE "indicator_report_state" ADD COLUMN "assistant_kind" text;--> statement-breakpoint
ALTER TABLE "indicator_report_state" ADD COLUMN "assisted_by" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "assistant_kind" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "consent_method" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "consent_reference_enc" text;--> statement-breakpoint
CREATE INDEX "reports_assisted_by_idx" ON "reports" USING btree ("assisted_by","created_at") WHERE "reports"."assisted_by" IS NOT NULL;--> statement-breakpoint
-- Reports made on someone's behalf before the kind of assistant was recorded were all made by staff peer supporters
-- (the only accounts that could); how consent was given was not recorded, so consent_method stays null.
UPDATE reports SET assistant_kind = 'peer_supporter' WHERE reporter_mode = 'on_behalf' AND assisted_by IS NOT NULL AND assistant_kind IS NULL;
--> statement-breakpoint
-- The dashboard gained the assisted_by and assistant breakdowns (dashboard/contributions.sql.ts): a change to what a
-- report contributes invalidates every stored contribution, so the aggregates are emptied and every report is
-- marked for the aggregator, which rebuilds them within its first runs (as 0015 did).
TRUNCATE indicator_cells, indicator_cells_quarterly, indicator_durations, indicator_report_state, indicator_dirty;
--> statement-breakpoint
INSERT INTO indicator_dirty (report_id) SELECT id FROM reports;

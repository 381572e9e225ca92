CREATE INDEX "reports_validated_at_idx" ON "reports" USING btree ("validated_at") WHERE "reports"."validated_at" IS NOT NULL;--> statement-breakpoint
-- The cells gained rows by month of validation (dim 'validated:<dim>', dashboard/contributions.sql.ts). A change to
-- what a report contributes invalidates every stored contribution, so the aggregates are emptied and every report is
-- marked for the aggregator, which rebuilds them within its first runs (as 0015).
TRUNCATE indicator_cells, indicator_cells_quarterly, indicator_durations, indicator_report_state, indicator_dirty;
--> statement-breakpoint
INSERT INTO indicator_dirty (report_id) SELECT id FROM reports;

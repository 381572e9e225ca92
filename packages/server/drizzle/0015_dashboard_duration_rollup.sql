-- The duration histograms gained a country-wide roll-up (dashboard/contributions.sql.ts). A change to what a report
-- contributes invalidates every stored contribution, so the aggregates are emptied and every report is marked for
-- the aggregator, which rebuilds them within its first runs.
TRUNCATE indicator_cells, indicator_durations, indicator_report_state, indicator_dirty;
--> statement-breakpoint
INSERT INTO indicator_dirty (report_id) SELECT id FROM reports;

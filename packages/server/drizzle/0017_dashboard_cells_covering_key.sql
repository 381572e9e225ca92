-- Dashboard queries read whole ranges of cells (a breakdown over twelve months is ~50,000 cells at facility grain).
-- With the counters carried in the primary key's index (INCLUDE), such a range is an index-only scan: about half the
-- time of visiting every heap row. Drizzle cannot express INCLUDE, so the key is swapped here under the same name
-- (docs/adr/0008-dashboard-cube.md). The aggregator's upserts still find the key by its columns.
ALTER TABLE "indicator_cells"
  DROP CONSTRAINT "indicator_cells_dim_grain_month_district_id_facility_id_categor",
  ADD CONSTRAINT "indicator_cells_dim_grain_month_district_id_facility_id_categor"
    PRIMARY KEY ("dim", "grain", "month", "district_id", "facility_id", "category_code", "subcategory_code",
                 "reporter_mode", "value", "region_id")
    INCLUDE ("total", "pending", "validated", "declined", "resolved", "escalated", "confirmed");
--> statement-breakpoint
-- Index-only scans skip the heap only for pages marked all-visible: vacuum often (the aggregator updates in place,
-- mostly the current month's cells), so only recently changed pages are read from the heap.
ALTER TABLE "indicator_cells" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);

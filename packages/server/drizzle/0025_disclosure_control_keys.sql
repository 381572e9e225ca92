-- Disclosure control (docs/disclosure-control.md): cells carry a `publishable` key column and cell key sums.
-- 1. The covering primary key of 0017 again, now with the key sums in INCLUDE, so public answers stay index-only.
ALTER TABLE "indicator_cells"
  DROP CONSTRAINT "indicator_cells_dim_grain_month_district_id_facility_id_categor",
  ADD CONSTRAINT "indicator_cells_dim_grain_month_district_id_facility_id_categor"
    PRIMARY KEY ("dim", "grain", "month", "district_id", "facility_id", "category_code", "subcategory_code",
                 "reporter_mode", "value", "region_id", "publishable")
    INCLUDE ("total", "pending", "validated", "declined", "resolved", "escalated", "confirmed",
             "key_total", "key_pending", "key_validated", "key_declined", "key_resolved", "key_escalated",
             "key_confirmed");
--> statement-breakpoint
-- 2. Withdrawing (or giving) consent to share moves a report between the publishable and withheld cells, so a
-- change of consent marks the report for the aggregator like any change the indicators see (0009).
DROP TRIGGER IF EXISTS reports_indicator_update ON reports;
--> statement-breakpoint
CREATE TRIGGER reports_indicator_update AFTER UPDATE ON reports
  FOR EACH ROW WHEN (
    (OLD.status, OLD.created_at, OLD.region_id, OLD.district_id, OLD.facility_id, OLD.category_code,
     OLD.subcategory_code, OLD.challenge_types, OLD.channel, OLD.reporter_mode, OLD.gender, OLD.age_group,
     OLD.key_populations, OLD.decline_reason, OLD.validated_at, OLD.first_response_at, OLD.resolved_at,
     OLD.reporter_confirmed, OLD.consent_share_deidentified, OLD.record_key)
    IS DISTINCT FROM
    (NEW.status, NEW.created_at, NEW.region_id, NEW.district_id, NEW.facility_id, NEW.category_code,
     NEW.subcategory_code, NEW.challenge_types, NEW.channel, NEW.reporter_mode, NEW.gender, NEW.age_group,
     NEW.key_populations, NEW.decline_reason, NEW.validated_at, NEW.first_response_at, NEW.resolved_at,
     NEW.reporter_confirmed, NEW.consent_share_deidentified, NEW.record_key))
  EXECUTE FUNCTION indicator_mark_dirty();
--> statement-breakpoint
-- 3. What a report contributes changed (consent, record key): empty the aggregates and let the aggregator rebuild
-- them from every report (as 0015). Existing reports got their record keys from the column default (random(),
-- evaluated per row) in 0019.
TRUNCATE indicator_cells, indicator_durations, indicator_report_state, indicator_dirty;
--> statement-breakpoint
INSERT INTO indicator_dirty (report_id) SELECT id FROM reports;

-- Marks a report for the dashboard aggregator whenever it is created, deleted, or changes in a way the indicators
-- see. One small insert in the writing transaction; the aggregator applies the delta within seconds.
CREATE OR REPLACE FUNCTION indicator_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO indicator_dirty (report_id) VALUES (OLD.id);
  ELSE
    INSERT INTO indicator_dirty (report_id) VALUES (NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_indicator_insert_delete AFTER INSERT OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION indicator_mark_dirty();
--> statement-breakpoint
CREATE TRIGGER reports_indicator_update AFTER UPDATE ON reports
  FOR EACH ROW WHEN (
    (OLD.status, OLD.created_at, OLD.region_id, OLD.district_id, OLD.facility_id, OLD.category_code,
     OLD.subcategory_code, OLD.challenge_types, OLD.channel, OLD.reporter_mode, OLD.gender, OLD.age_group,
     OLD.key_populations, OLD.decline_reason, OLD.validated_at, OLD.first_response_at, OLD.resolved_at,
     OLD.reporter_confirmed)
    IS DISTINCT FROM
    (NEW.status, NEW.created_at, NEW.region_id, NEW.district_id, NEW.facility_id, NEW.category_code,
     NEW.subcategory_code, NEW.challenge_types, NEW.channel, NEW.reporter_mode, NEW.gender, NEW.age_group,
     NEW.key_populations, NEW.decline_reason, NEW.validated_at, NEW.first_response_at, NEW.resolved_at,
     NEW.reporter_confirmed))
  EXECUTE FUNCTION indicator_mark_dirty();
--> statement-breakpoint
-- Reports that existed before the dashboard: the aggregator picks them up on its first runs.
INSERT INTO indicator_dirty (report_id) SELECT id FROM reports;

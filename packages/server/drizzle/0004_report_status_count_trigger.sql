-- Keeps report_status_counts exact: every insert, status or district change and delete on reports moves one count.
-- Runs in the writing transaction, so counts and reports can never disagree.
CREATE OR REPLACE FUNCTION report_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_status_counts SET n = n - 1 WHERE district_id = OLD.district_id AND status = OLD.status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_status_counts (district_id, status, n) VALUES (NEW.district_id, NEW.status, 1)
    ON CONFLICT (district_id, status) DO UPDATE SET n = report_status_counts.n + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_status_counts_insert_delete AFTER INSERT OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_status_counts_apply();
--> statement-breakpoint
CREATE TRIGGER reports_status_counts_update AFTER UPDATE OF status, district_id ON reports
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.district_id IS DISTINCT FROM NEW.district_id)
  EXECUTE FUNCTION report_status_counts_apply();
--> statement-breakpoint
INSERT INTO report_status_counts (district_id, status, n)
  SELECT district_id, status, count(*)::int FROM reports GROUP BY district_id, status
  ON CONFLICT (district_id, status) DO UPDATE SET n = EXCLUDED.n;

-- Keeps report_counts exact: every insert, delete, and change of status, district, category, subcategory or
-- assignment on reports moves one count. It runs in the writing transaction, so counts and reports never disagree.
-- It replaces the per-district-and-status counter of 0004 (its table is dropped by the next migration).
DROP TRIGGER IF EXISTS reports_status_counts_insert_delete ON reports;
--> statement-breakpoint
DROP TRIGGER IF EXISTS reports_status_counts_update ON reports;
--> statement-breakpoint
DROP FUNCTION IF EXISTS report_status_counts_apply();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE report_counts SET n = n - 1
     WHERE district_id = OLD.district_id AND status = OLD.status AND subcategory_code = OLD.subcategory_code
       AND category_code = OLD.category_code
       AND unassigned = (OLD.assignee_id IS NULL AND OLD.assignee_team_id IS NULL);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_counts (district_id, status, subcategory_code, category_code, unassigned, n)
    VALUES (NEW.district_id, NEW.status, NEW.subcategory_code, NEW.category_code,
            NEW.assignee_id IS NULL AND NEW.assignee_team_id IS NULL, 1)
    ON CONFLICT (district_id, status, subcategory_code, category_code, unassigned)
      DO UPDATE SET n = report_counts.n + 1;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_counts_insert_delete AFTER INSERT OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_counts_apply();
--> statement-breakpoint
CREATE TRIGGER reports_counts_update
  AFTER UPDATE OF status, district_id, category_code, subcategory_code, assignee_id, assignee_team_id ON reports
  FOR EACH ROW WHEN (
    OLD.status IS DISTINCT FROM NEW.status OR OLD.district_id IS DISTINCT FROM NEW.district_id
    OR OLD.category_code IS DISTINCT FROM NEW.category_code OR OLD.subcategory_code IS DISTINCT FROM NEW.subcategory_code
    OR (OLD.assignee_id IS NULL AND OLD.assignee_team_id IS NULL)
       IS DISTINCT FROM (NEW.assignee_id IS NULL AND NEW.assignee_team_id IS NULL))
  EXECUTE FUNCTION report_counts_apply();
--> statement-breakpoint
INSERT INTO report_counts (district_id, status, subcategory_code, category_code, unassigned, n)
  SELECT district_id, status, subcategory_code, category_code, assignee_id IS NULL AND assignee_team_id IS NULL,
         count(*)::int
    FROM reports GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (district_id, status, subcategory_code, category_code, unassigned) DO UPDATE SET n = EXCLUDED.n;

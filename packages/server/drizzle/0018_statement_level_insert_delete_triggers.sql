-- Inserts and deletes on reports move the inbox counters and mark the dashboard once per statement instead of once
-- per row: a group of submitted reports (reports/report-intake.ts) or a retention delete of thousands of rows runs
-- one grouped upsert and one insert, not a trigger call per row. The counters are still moved in the writing
-- statement, so counts and reports never disagree. The grouped rows are upserted in key order, so two statements
-- touching the same counters lock them in the same order. Updates keep their row-level triggers (0006, 0009):
-- PostgreSQL allows transition tables on an UPDATE trigger only without a column list, and those triggers must fire
-- only when their columns change.
DROP TRIGGER IF EXISTS reports_counts_insert_delete ON reports;
--> statement-breakpoint
DROP TRIGGER IF EXISTS reports_indicator_insert_delete ON reports;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_counts_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_counts (district_id, status, subcategory_code, category_code, unassigned, n)
  SELECT district_id, status, subcategory_code, category_code, assignee_id IS NULL AND assignee_team_id IS NULL,
         count(*)::int
    FROM inserted_reports GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (district_id, status, subcategory_code, category_code, unassigned)
    DO UPDATE SET n = report_counts.n + EXCLUDED.n;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_counts_remove_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_counts c SET n = c.n - d.n
    FROM (SELECT district_id, status, subcategory_code, category_code,
                 assignee_id IS NULL AND assignee_team_id IS NULL AS unassigned, count(*)::int AS n
            FROM deleted_reports GROUP BY 1, 2, 3, 4, 5) d
   WHERE c.district_id = d.district_id AND c.status = d.status AND c.subcategory_code = d.subcategory_code
     AND c.category_code = d.category_code AND c.unassigned = d.unassigned;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_mark_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (report_id) SELECT id FROM inserted_reports;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (report_id) SELECT id FROM deleted_reports;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_counts_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS inserted_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_counts_add_inserted();
--> statement-breakpoint
CREATE TRIGGER reports_counts_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS deleted_reports
  FOR EACH STATEMENT EXECUTE FUNCTION report_counts_remove_deleted();
--> statement-breakpoint
CREATE TRIGGER reports_indicator_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS inserted_reports
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_inserted();
--> statement-breakpoint
CREATE TRIGGER reports_indicator_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS deleted_reports
  FOR EACH STATEMENT EXECUTE FUNCTION indicator_mark_deleted();

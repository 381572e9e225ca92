ALTER TABLE "reports" ADD COLUMN "training" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_training_idx" ON "reports" USING btree ("created_at","id") WHERE "reports"."training";--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_training_anonymous" CHECK (NOT "reports"."training" OR ("reports"."phone_enc" IS NULL AND "reports"."phone_hash" IS NULL AND "reports"."community_account_id" IS NULL));--> statement-breakpoint
-- Hand-written (training mode, ADR 0023): the inbox's per-status counters and the dashboard's change marks count live
-- reports only. A report's `training` never changes after intake, so the update triggers need no new condition.
CREATE OR REPLACE FUNCTION report_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.training THEN
    UPDATE report_counts SET n = n - 1
     WHERE district_id = OLD.district_id AND status = OLD.status AND subcategory_code = OLD.subcategory_code
       AND category_code = OLD.category_code
       AND unassigned = (OLD.assignee_id IS NULL AND OLD.assignee_team_id IS NULL);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.training THEN
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
CREATE OR REPLACE FUNCTION report_counts_add_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_counts (district_id, status, subcategory_code, category_code, unassigned, n)
  SELECT district_id, status, subcategory_code, category_code, assignee_id IS NULL AND assignee_team_id IS NULL,
         count(*)::int
    FROM inserted_reports WHERE NOT training GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
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
            FROM deleted_reports WHERE NOT training GROUP BY 1, 2, 3, 4, 5) d
   WHERE c.district_id = d.district_id AND c.status = d.status AND c.subcategory_code = d.subcategory_code
     AND c.category_code = d.category_code AND c.unassigned = d.unassigned;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_mark_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (report_id) SELECT id FROM inserted_reports WHERE NOT training;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION indicator_mark_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO indicator_dirty (report_id) SELECT id FROM deleted_reports WHERE NOT training;
  RETURN NULL;
END;
$$;

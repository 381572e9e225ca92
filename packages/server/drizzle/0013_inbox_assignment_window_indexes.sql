DROP INDEX "reports_assignee_created_idx";--> statement-breakpoint
DROP INDEX "reports_team_created_idx";--> statement-breakpoint
CREATE INDEX "reports_assignee_count_idx" ON "reports" USING btree ("assignee_id","district_id","status") WHERE "reports"."assignee_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_team_count_idx" ON "reports" USING btree ("assignee_team_id","district_id","status") WHERE "reports"."assignee_team_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_open_window_idx" ON "reports" USING btree ("district_id","created_at","status","subcategory_code","first_response_at","category_code") WHERE "reports"."status" IN ('submitted', 'validated', 'in_progress', 'referred', 'escalated');--> statement-breakpoint
CREATE INDEX "reports_assignee_created_idx" ON "reports" USING btree ("assignee_id","created_at","id") WHERE "reports"."assignee_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_team_created_idx" ON "reports" USING btree ("assignee_team_id","created_at","id") WHERE "reports"."assignee_team_id" IS NOT NULL;
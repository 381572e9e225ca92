CREATE TABLE "report_status_counts" (
	"district_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_status_counts_district_id_status_pk" PRIMARY KEY("district_id","status")
);
--> statement-breakpoint
DROP INDEX "reports_created_idx";--> statement-breakpoint
CREATE INDEX "reports_created_id_idx" ON "reports" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "reports_tracking_prefix_idx" ON "reports" USING btree ("tracking_code" text_pattern_ops);
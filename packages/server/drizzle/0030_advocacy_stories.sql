CREATE TABLE "advocacy_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"status" text NOT NULL,
	"text_enc" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "advocacy_stories_report_id_unique" UNIQUE("report_id")
);
--> statement-breakpoint
ALTER TABLE "advocacy_stories" ADD CONSTRAINT "advocacy_stories_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_stories" ADD CONSTRAINT "advocacy_stories_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocacy_stories_status_decided_idx" ON "advocacy_stories" USING btree ("status","decided_at");
CREATE TABLE "facility_desks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"code_hash" text,
	"token_hash" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "facility_desks_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "facility_desks_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "indicator_report_state" ADD COLUMN "assistant_kind" text;--> statement-breakpoint
ALTER TABLE "indicator_report_state" ADD COLUMN "assisted_by" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "assistant_kind" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "consent_method" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "consent_reference_enc" text;--> statement-breakpoint
ALTER TABLE "facility_desks" ADD CONSTRAINT "facility_desks_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_desks" ADD CONSTRAINT "facility_desks_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facility_desks_facility_idx" ON "facility_desks" USING btree ("facility_id");--> statement-breakpoint
CREATE INDEX "reports_assisted_by_idx" ON "reports" USING btree ("assisted_by","created_at") WHERE "reports"."assisted_by" IS NOT NULL;--> statement-breakpoint
-- Reports made on someone's behalf before the kind of assistant was recorded were all made by staff peer supporters
-- (the only accounts that could); how consent was given was not recorded, so consent_method stays null.
UPDATE reports SET assistant_kind = 'peer_supporter' WHERE reporter_mode = 'on_behalf' AND assisted_by IS NOT NULL AND assistant_kind IS NULL;
--> statement-breakpoint
-- The dashboard gained the assisted_by and assistant breakdowns (dashboard/contributions.sql.ts): a change to what a
-- report contributes invalidates every stored contribution, so the aggregates are emptied and every report is
-- marked for the aggregator, which rebuilds them within its first runs (as 0015 did).
TRUNCATE indicator_cells, indicator_cells_quarterly, indicator_durations, indicator_report_state, indicator_dirty;
--> statement-breakpoint
INSERT INTO indicator_dirty (report_id) SELECT id FROM reports;

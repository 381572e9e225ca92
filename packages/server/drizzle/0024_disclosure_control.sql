ALTER TABLE "indicator_cells" DROP CONSTRAINT "indicator_cells_dim_grain_month_district_id_facility_id_category_code_subcategory_code_reporter_mode_value_region_id_pk";--> statement-breakpoint
ALTER TABLE "indicator_durations" DROP CONSTRAINT "indicator_durations_kind_month_district_id_category_code_reporter_mode_hours_region_id_pk";--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD COLUMN "publishable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD COLUMN "key_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD COLUMN "key_pending" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD COLUMN "key_validated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD COLUMN "key_declined" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD COLUMN "key_resolved" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD COLUMN "key_escalated" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD COLUMN "key_confirmed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_durations" ADD COLUMN "publishable" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_report_state" ADD COLUMN "record_key" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_report_state" ADD COLUMN "consent_share_deidentified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "record_key" integer DEFAULT floor(random() * 65536)::int NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_cells" ADD CONSTRAINT "indicator_cells_dim_grain_month_district_id_facility_id_category_code_subcategory_code_reporter_mode_value_region_id_publishable_pk" PRIMARY KEY("dim","grain","month","district_id","facility_id","category_code","subcategory_code","reporter_mode","value","region_id","publishable");--> statement-breakpoint
ALTER TABLE "indicator_durations" ADD CONSTRAINT "indicator_durations_kind_month_district_id_category_code_reporter_mode_hours_region_id_publishable_pk" PRIMARY KEY("kind","month","district_id","category_code","reporter_mode","hours","region_id","publishable");

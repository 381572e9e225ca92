-- The monthly cells summed per calendar quarter (dashboard/dashboard.schema.ts): a query over whole quarters reads a
-- third of the rows. The key is covering (INCLUDE, as 0025 for indicator_cells) so such a range is an index-only scan;
-- Drizzle cannot express INCLUDE, so it is written into the generated CREATE TABLE.
CREATE TABLE "indicator_cells_quarterly" (
	"dim" text NOT NULL,
	"grain" smallint NOT NULL,
	"month" date NOT NULL,
	"district_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"subcategory_code" text NOT NULL,
	"reporter_mode" text NOT NULL,
	"value" text NOT NULL,
	"publishable" boolean DEFAULT true NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"validated" integer DEFAULT 0 NOT NULL,
	"declined" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"key_total" integer DEFAULT 0 NOT NULL,
	"key_pending" integer DEFAULT 0 NOT NULL,
	"key_validated" integer DEFAULT 0 NOT NULL,
	"key_declined" integer DEFAULT 0 NOT NULL,
	"key_resolved" integer DEFAULT 0 NOT NULL,
	"key_escalated" integer DEFAULT 0 NOT NULL,
	"key_confirmed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_cells_quarterly_dim_grain_month_district_id_facility_id_category_code_subcategory_code_reporter_mode_value_region_id_publishable_pk" PRIMARY KEY("dim","grain","month","district_id","facility_id","category_code","subcategory_code","reporter_mode","value","region_id","publishable")
    INCLUDE ("total", "pending", "validated", "declined", "resolved", "escalated", "confirmed",
             "key_total", "key_pending", "key_validated", "key_declined", "key_resolved", "key_escalated",
             "key_confirmed")
);

--> statement-breakpoint
ALTER TABLE "indicator_cells_quarterly" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);
--> statement-breakpoint
-- Filled from the monthly cells (the aggregator keeps both from here on; rebuildAggregates does the same).
INSERT INTO "indicator_cells_quarterly"
SELECT "dim", "grain", date_trunc('quarter', "month")::date, "district_id", "facility_id", "region_id", "category_code",
       "subcategory_code", "reporter_mode", "value", "publishable",
       sum("total"), sum("pending"), sum("validated"), sum("declined"), sum("resolved"), sum("escalated"), sum("confirmed"),
       sum("key_total") % 65536, sum("key_pending") % 65536, sum("key_validated") % 65536, sum("key_declined") % 65536,
       sum("key_resolved") % 65536, sum("key_escalated") % 65536, sum("key_confirmed") % 65536
  FROM "indicator_cells"
 GROUP BY "dim", "grain", date_trunc('quarter', "month")::date, "district_id", "facility_id", "region_id",
          "category_code", "subcategory_code", "reporter_mode", "value", "publishable";

CREATE TABLE "indicator_cells" (
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
	"total" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"validated" integer DEFAULT 0 NOT NULL,
	"declined" integer DEFAULT 0 NOT NULL,
	"resolved" integer DEFAULT 0 NOT NULL,
	"escalated" integer DEFAULT 0 NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_cells_dim_grain_month_district_id_facility_id_category_code_subcategory_code_reporter_mode_value_region_id_pk" PRIMARY KEY("dim","grain","month","district_id","facility_id","category_code","subcategory_code","reporter_mode","value","region_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_dirty" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_durations" (
	"kind" text NOT NULL,
	"month" date NOT NULL,
	"district_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"reporter_mode" text NOT NULL,
	"hours" integer NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "indicator_durations_kind_month_district_id_category_code_reporter_mode_hours_region_id_pk" PRIMARY KEY("kind","month","district_id","category_code","reporter_mode","hours","region_id")
);
--> statement-breakpoint
CREATE TABLE "indicator_report_state" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"region_id" uuid,
	"district_id" uuid NOT NULL,
	"facility_id" uuid,
	"category_code" text NOT NULL,
	"subcategory_code" text NOT NULL,
	"channel" text NOT NULL,
	"reporter_mode" text NOT NULL,
	"gender" text NOT NULL,
	"age_group" text NOT NULL,
	"key_populations" text[] NOT NULL,
	"challenge_types" text[] NOT NULL,
	"status" text NOT NULL,
	"decline_reason" text,
	"validated_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"reporter_confirmed" boolean
);
--> statement-breakpoint
CREATE TABLE "indicator_sync" (
	"id" smallint PRIMARY KEY NOT NULL,
	"synced_at" timestamp with time zone NOT NULL
);

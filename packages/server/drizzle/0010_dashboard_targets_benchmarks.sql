CREATE TABLE "benchmark_points" (
	"series_id" uuid NOT NULL,
	"period" text NOT NULL,
	"area_id" uuid,
	"value" double precision NOT NULL,
	CONSTRAINT "benchmark_points_key" UNIQUE NULLS NOT DISTINCT("series_id","period","area_id")
);
--> statement-breakpoint
CREATE TABLE "benchmark_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"metric" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_series_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"metric" text NOT NULL,
	"period_type" text NOT NULL,
	"period_start" date NOT NULL,
	"area_id" uuid,
	"value" double precision NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_targets_key" UNIQUE NULLS NOT DISTINCT("metric","period_type","period_start","area_id")
);
--> statement-breakpoint
ALTER TABLE "benchmark_points" ADD CONSTRAINT "benchmark_points_series_id_benchmark_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."benchmark_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_points" ADD CONSTRAINT "benchmark_points_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE cascade ON UPDATE no action;
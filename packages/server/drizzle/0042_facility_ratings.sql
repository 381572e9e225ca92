CREATE TABLE "facility_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"device_hash" text NOT NULL,
	"account_hash" text,
	"overall" smallint NOT NULL,
	"respect" smallint,
	"confidentiality" smallint,
	"waiting" smallint,
	"cost" smallint,
	"medicines" smallint,
	"status" text NOT NULL,
	"comment_enc" text,
	"comment_status" text NOT NULL,
	"comment_flags" text[] DEFAULT '{}' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_ratings_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
ALTER TABLE "facility_ratings" ADD CONSTRAINT "facility_ratings_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_ratings" ADD CONSTRAINT "facility_ratings_district_id_areas_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_ratings" ADD CONSTRAINT "facility_ratings_reviewed_by_staff_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facility_ratings_facility_device_idx" ON "facility_ratings" USING btree ("facility_id","device_hash","created_at");--> statement-breakpoint
CREATE INDEX "facility_ratings_facility_account_idx" ON "facility_ratings" USING btree ("facility_id","account_hash","created_at");--> statement-breakpoint
CREATE INDEX "facility_ratings_district_created_idx" ON "facility_ratings" USING btree ("district_id","created_at");
CREATE TABLE "community_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nickname" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "community_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"visible_to_reporter" boolean DEFAULT false NOT NULL,
	"note_enc" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from" text NOT NULL,
	"author_id" uuid,
	"body_enc" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"tracking_code" text NOT NULL,
	"channel" text NOT NULL,
	"reporter_mode" text NOT NULL,
	"assisted_by" uuid,
	"consent_recorded_by" uuid,
	"consent_recorded_at" timestamp with time zone,
	"category_code" text NOT NULL,
	"subcategory_code" text NOT NULL,
	"challenge_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"description_enc" text,
	"occurred_on" date NOT NULL,
	"district_id" uuid NOT NULL,
	"region_id" uuid,
	"facility_id" uuid,
	"gender" text DEFAULT 'undisclosed' NOT NULL,
	"age_group" text DEFAULT 'undisclosed' NOT NULL,
	"key_populations" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_contact_me" boolean DEFAULT false NOT NULL,
	"consent_share_deidentified" boolean DEFAULT false NOT NULL,
	"consent_use_in_advocacy" boolean DEFAULT false NOT NULL,
	"phone_enc" text,
	"phone_hash" text,
	"device_hash" text,
	"community_account_id" uuid,
	"language" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"decline_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"assignee_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"reporter_confirmed" boolean,
	"reporter_confirmed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_client_id_unique" UNIQUE("client_id"),
	CONSTRAINT "reports_tracking_code_unique" UNIQUE("tracking_code")
);
--> statement-breakpoint
ALTER TABLE "community_sessions" ADD CONSTRAINT "community_sessions_account_id_community_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."community_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_events" ADD CONSTRAINT "report_events_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_messages" ADD CONSTRAINT "report_messages_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assisted_by_staff_users_id_fk" FOREIGN KEY ("assisted_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_consent_recorded_by_staff_users_id_fk" FOREIGN KEY ("consent_recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_district_id_areas_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_region_id_areas_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_community_account_id_community_accounts_id_fk" FOREIGN KEY ("community_account_id") REFERENCES "public"."community_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "community_accounts_nickname_idx" ON "community_accounts" USING btree (lower("nickname")) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE INDEX "community_sessions_account_idx" ON "community_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "report_events_report_idx" ON "report_events" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "report_messages_report_idx" ON "report_messages" USING btree ("report_id","at");--> statement-breakpoint
CREATE INDEX "reports_status_created_idx" ON "reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "reports_district_status_created_idx" ON "reports" USING btree ("district_id","status","created_at");--> statement-breakpoint
CREATE INDEX "reports_facility_created_idx" ON "reports" USING btree ("facility_id","created_at");--> statement-breakpoint
CREATE INDEX "reports_assignee_status_idx" ON "reports" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "reports_created_idx" ON "reports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "reports_phone_dup_idx" ON "reports" USING btree ("phone_hash","subcategory_code","created_at") WHERE "reports"."phone_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_device_dup_idx" ON "reports" USING btree ("device_hash","subcategory_code","created_at") WHERE "reports"."device_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_account_dup_idx" ON "reports" USING btree ("community_account_id","subcategory_code","created_at") WHERE "reports"."community_account_id" IS NOT NULL;
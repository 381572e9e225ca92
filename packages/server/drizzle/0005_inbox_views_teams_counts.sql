CREATE TABLE "report_counts" (
	"district_id" uuid NOT NULL,
	"status" text NOT NULL,
	"category_code" text NOT NULL,
	"subcategory_code" text NOT NULL,
	"unassigned" boolean NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_counts_district_id_status_subcategory_code_category_code_unassigned_pk" PRIMARY KEY("district_id","status","subcategory_code","category_code","unassigned")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_escalations" (
	"report_id" uuid NOT NULL,
	"sla" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"supervisor_ids" uuid[] NOT NULL,
	CONSTRAINT "report_escalations_report_id_sla_pk" PRIMARY KEY("report_id","sla")
);
--> statement-breakpoint
CREATE TABLE "report_protocol_steps" (
	"report_id" uuid NOT NULL,
	"step_code" text NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_protocol_steps_report_id_step_code_pk" PRIMARY KEY("report_id","step_code")
);
--> statement-breakpoint
CREATE TABLE "response_protocols" (
	"subcategory_code" text PRIMARY KEY NOT NULL,
	"first_response_hours" integer,
	"resolution_hours" integer,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"templates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"scope_area_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"scope_facility_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "assignee_team_id" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "registered_with_programme" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_escalations" ADD CONSTRAINT "report_escalations_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_protocol_steps" ADD CONSTRAINT "report_protocol_steps_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_protocol_steps" ADD CONSTRAINT "report_protocol_steps_done_by_staff_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_protocols" ADD CONSTRAINT "response_protocols_subcategory_code_subcategories_code_fk" FOREIGN KEY ("subcategory_code") REFERENCES "public"."subcategories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_protocols" ADD CONSTRAINT "response_protocols_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_name_idx" ON "saved_views" USING btree ("user_id","name");--> statement-breakpoint
CREATE INDEX "team_members_user_idx" ON "team_members" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assignee_team_id_teams_id_fk" FOREIGN KEY ("assignee_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_assignee_created_idx" ON "reports" USING btree ("assignee_id","created_at","id");--> statement-breakpoint
CREATE INDEX "reports_team_created_idx" ON "reports" USING btree ("assignee_team_id","created_at","id");
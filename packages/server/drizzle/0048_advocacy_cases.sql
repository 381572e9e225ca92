CREATE TABLE "advocacy_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocacy_case_reports" (
	"case_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	CONSTRAINT "advocacy_case_reports_case_id_report_id_pk" PRIMARY KEY("case_id","report_id")
);
--> statement-breakpoint
CREATE TABLE "advocacy_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"filters" jsonb NOT NULL,
	"from_date" date NOT NULL,
	"area_id" uuid,
	"duty_bearer" text NOT NULL,
	"duty_bearer_type" text NOT NULL,
	"ask" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"commitment_on" date,
	"outcome" text,
	"resolved_at" timestamp with time zone,
	"published" boolean DEFAULT false NOT NULL,
	"announcement_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocacy_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advocacy_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text,
	"by" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advocacy_actions" ADD CONSTRAINT "advocacy_actions_case_id_advocacy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."advocacy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_actions" ADD CONSTRAINT "advocacy_actions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_case_reports" ADD CONSTRAINT "advocacy_case_reports_case_id_advocacy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."advocacy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_case_reports" ADD CONSTRAINT "advocacy_case_reports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_cases" ADD CONSTRAINT "advocacy_cases_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_cases" ADD CONSTRAINT "advocacy_cases_owner_id_staff_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_cases" ADD CONSTRAINT "advocacy_cases_announcement_id_content_items_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."content_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_cases" ADD CONSTRAINT "advocacy_cases_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_documents" ADD CONSTRAINT "advocacy_documents_action_id_advocacy_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."advocacy_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_status_changes" ADD CONSTRAINT "advocacy_status_changes_case_id_advocacy_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."advocacy_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy_status_changes" ADD CONSTRAINT "advocacy_status_changes_by_staff_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advocacy_actions_case_idx" ON "advocacy_actions" USING btree ("case_id","on");--> statement-breakpoint
CREATE INDEX "advocacy_case_reports_report_idx" ON "advocacy_case_reports" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "advocacy_cases_status_idx" ON "advocacy_cases" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "advocacy_status_changes_case_idx" ON "advocacy_status_changes" USING btree ("case_id","at");
CREATE TABLE "dhis2_config" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"singleton" boolean DEFAULT true NOT NULL,
	"mapping" jsonb NOT NULL,
	"base_url" text,
	"token_enc" text,
	"auto_push" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dhis2_config_singleton_unique" UNIQUE("singleton")
);
--> statement-breakpoint
CREATE TABLE "dhis2_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"dhis2_period" text NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"http_status" integer,
	"summary" jsonb NOT NULL,
	"sent" integer NOT NULL,
	"payload_hash" text NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dhis2_pushes_period_idx" ON "dhis2_pushes" USING btree ("period","at");
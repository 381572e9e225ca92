CREATE TABLE "audit_checkpoints" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"mac" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "reports_tracking_prefix_idx";--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "tracking_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "tracking_code_hash" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "tracking_prefix_hash" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "tracking_code_enc" text;--> statement-breakpoint
CREATE INDEX "reports_tracking_prefix_hash_idx" ON "reports" USING btree ("tracking_prefix_hash");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_tracking_code_hash_unique" UNIQUE("tracking_code_hash");
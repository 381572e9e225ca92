CREATE TABLE "key_rotations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_fingerprint" text NOT NULL,
	"to_fingerprint" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "encryption_key_fingerprint" ADD COLUMN "index_keys_enc" text;--> statement-breakpoint
CREATE UNIQUE INDEX "key_rotations_one_unfinished_idx" ON "key_rotations" USING btree ((true)) WHERE "key_rotations"."finished_at" IS NULL;
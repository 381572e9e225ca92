CREATE TABLE "translation_overrides" (
	"language" text NOT NULL,
	"namespace" text NOT NULL,
	"key" text NOT NULL,
	"value" text,
	"reviewed" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translation_overrides_language_namespace_key_pk" PRIMARY KEY("language","namespace","key")
);
--> statement-breakpoint
ALTER TABLE "languages" ADD COLUMN "fallback" text;
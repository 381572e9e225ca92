CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"level" double precision NOT NULL,
	"leak_per_second" double precision NOT NULL,
	"max_level" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);

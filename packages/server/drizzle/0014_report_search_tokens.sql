ALTER TABLE "reports" ADD COLUMN "search_tokens" text[];--> statement-breakpoint
CREATE INDEX "reports_search_tokens_idx" ON "reports" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "reports_search_pending_idx" ON "reports" USING btree ("id") WHERE "reports"."search_tokens" IS NULL;
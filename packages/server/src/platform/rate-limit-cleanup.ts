import { z } from "zod";
import { defineJob } from "./job-runner.js";
import { deleteDrainedBuckets } from "./rate-limit.repo.js";

/**
 * Forgets rate-limit buckets that have drained empty (a quiet address, an account whose failures are long past):
 * they would answer "no limit reached" anyway, so deleting them changes nothing but the table's size.
 */
export const rateLimitCleanupJob = defineJob({
  id: "platform.rate-limit-cleanup",
  payload: z.object({}).passthrough(),
  cron: "17 * * * *",
  async handler(ctx) {
    const deleted = await deleteDrainedBuckets(ctx.db, new Date());
    if (deleted > 0) ctx.log.info({ deleted }, "drained rate-limit buckets forgotten");
  },
});

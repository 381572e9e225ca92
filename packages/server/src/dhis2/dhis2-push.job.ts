import { z } from "zod";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import { dhis2Link } from "./dhis2-config.js";
import { lastClosedPeriod } from "./dhis2-period.js";
import { alreadyPushed, pushToDhis2 } from "./dhis2-push.js";

/**
 * The nightly push (when Set-up switched it on): the period that ended most recently, once. A push DHIS2 could not
 * take (unreachable, or refused as a whole) throws, so pg-boss tries again later with back-off; a period already
 * pushed is left alone (a correction is a person's decision: `pushToDhis2` with `again`).
 */
export async function pushClosedPeriod(ctx: Ctx, now = new Date()): Promise<"pushed" | "skipped"> {
  const link = await dhis2Link(ctx);
  if (!link.autoPush || !link.baseUrl || !link.token || link.dataElements.length === 0 || link.orgUnits.length === 0) {
    return "skipped";
  }
  const period = lastClosedPeriod(link.periodType, now);
  if (await alreadyPushed(ctx, period)) return "skipped";
  const result = await pushToDhis2(ctx, { period, dryRun: false });
  if (result.status === "ERROR" || result.status === "UNREACHABLE") {
    throw new Error(`DHIS2 push of ${period}: ${result.status} ${result.message}`);
  }
  return "pushed";
}

export const dhis2PushJob = defineJob({
  id: "dhis2.push",
  payload: z.object({}),
  cron: "30 2 * * *",
  retry: { limit: 6, delaySeconds: 300 },
  async handler(ctx) {
    await pushClosedPeriod(ctx);
  },
});

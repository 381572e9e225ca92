import { DEFAULT_RETENTION, type RetentionSetting, retentionSettingSchema } from "@openclm/contracts";
import { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import { getSetting } from "../platform/platform.repo.js";
import {
  addCounts,
  type ErasureCounts,
  eraseConversations,
  eraseReports,
  NO_ERASURE,
  reportsDue,
} from "./erasure.repo.js";
import * as repo from "./reports.repo.js";

export const RETENTION_SETTING = "retention";

/** The `retention` setting, or its defaults (24 months for personal data, 12 for messages) where unset or invalid. */
export async function retentionSetting(db: Db): Promise<RetentionSetting> {
  const parsed = retentionSettingSchema.safeParse(await getSetting(db, RETENTION_SETTING));
  return parsed.success ? parsed.data : DEFAULT_RETENTION;
}

/** `months` calendar months after `at` (UTC), the day kept or clamped to the month's end as PostgreSQL does. */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** When a report's conversation and personal data are due for erasure: null while it is still being handled. */
export function retentionDates(
  r: { endedAt: Date | null; erasedAt: Date | null; messagesErasedAt: Date | null },
  setting: RetentionSetting,
) {
  return {
    ...setting,
    endedAt: r.endedAt?.toISOString() ?? null,
    messagesUntil: r.endedAt ? addMonths(r.endedAt, setting.messagesMonths).toISOString() : null,
    personalDataUntil: r.endedAt ? addMonths(r.endedAt, setting.personalDataMonths).toISOString() : null,
    messagesErasedAt: r.messagesErasedAt?.toISOString() ?? r.erasedAt?.toISOString() ?? null,
  };
}

const BATCH = 200;

export interface RetentionRun {
  personalData: ErasureCounts;
  messages: ErasureCounts;
}

/**
 * Applies the retention rules as of `now`: first the personal data of reports that ended `personalDataMonths` ago
 * (erased as when the reporter deletes them, `by: retention`), then the conversation of those that ended
 * `messagesMonths` ago. Batches of 200, each its own transaction with one audit row of counts (`retention.erase`),
 * so a run that stops half-way keeps what it did and the next run goes on. Reports already erased are not selected
 * again: a second run erases nothing.
 */
export async function applyRetention(ctx: Ctx, now = new Date()): Promise<RetentionRun> {
  const setting = await retentionSetting(ctx.db);
  const run: RetentionRun = { personalData: NO_ERASURE, messages: NO_ERASURE };
  for (const kind of ["personalData", "messages"] as const) {
    const months = kind === "personalData" ? setting.personalDataMonths : setting.messagesMonths;
    const endedBefore = addMonths(now, -months);
    for (;;) {
      const counts = await withTransaction(ctx, async (tx) => {
        const ids = await reportsDue(tx, kind === "personalData" ? "personal" : "messages", endedBefore, BATCH);
        if (ids.length === 0) return NO_ERASURE;
        const erased =
          kind === "personalData"
            ? await eraseReports(tx, ids, "retention", now)
            : await eraseConversations(tx, ids, now);
        await repo.insertEvents(
          tx,
          ids.map((reportId) => ({
            reportId,
            at: now,
            type: kind === "personalData" ? "erasure" : "conversation_erasure",
            actorType: "system",
            details: { by: "retention" },
          })),
        );
        await audit(ctx, tx, {
          action: "retention.erase",
          entity: "report",
          details: { what: kind, months, endedBefore: endedBefore.toISOString(), ...erased },
        });
        return erased;
      });
      if (counts.reports === 0) break;
      run[kind] = addCounts(run[kind], counts);
    }
  }
  return run;
}

/**
 * Every night: the retention rules (setting `retention`). `asOf` runs them as of another instant (tests, and an
 * operator who wants to catch up a period); pg-boss runs one at a time, and a second run in parallel would only skip
 * the rows the first holds.
 */
export const retentionJob = defineJob({
  id: "reports.retention",
  payload: z.object({ asOf: z.iso.datetime().optional() }),
  cron: "41 2 * * *",
  async handler(ctx, payload) {
    const run = await applyRetention(ctx, payload.asOf ? new Date(payload.asOf) : new Date());
    if (run.personalData.reports || run.messages.reports)
      ctx.log.info(
        { personalData: run.personalData.reports, messages: run.messages.reports },
        "retention: personal data erased",
      );
  },
});

import { z } from "zod";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { resolveScope } from "../identity/scope.js";
import * as inboxRepo from "../inbox/inbox.repo.js";
import type { Ctx } from "../platform/context.js";
import { defineJob } from "../platform/job-runner.js";
import { notifyReportChange } from "../reports/reports.repo.js";
import { dueAt, loadSlaTable, type SlaKind, slaKinds } from "./protocol-sla.js";
import * as repo from "./protocols.repo.js";

/** At most this many breaches per run and target; the next run (minutes later) takes the rest. */
const BATCH = 200;

/** Data managers, by the districts their scope covers: the supervisors an overdue report goes to. */
async function supervisorsByDistrict(db: Db): Promise<(districtId: string) => string[]> {
  const managers = await repo.activeStaffWithRole(db, "data_manager");
  const scopes = await Promise.all(
    managers.map(async (m) => ({
      id: m.id,
      districts: new Set(
        (await resolveScope(db, { areaIds: m.scopeAreaIds, facilityIds: m.scopeFacilityIds })).districtIds,
      ),
    })),
  );
  return (districtId) => scopes.filter((s) => s.districts.has(districtId)).map((s) => s.id);
}

/**
 * Escalates each SLA breach not escalated yet to the supervisors of the report's district: a row in
 * report_escalations (the claim), an `escalation` timeline event, an audit event and a live notice to open inboxes,
 * all in one transaction per report. Safe to run twice, or in two processes at once: a claimed breach is skipped.
 */
export async function escalateOverdueReports(ctx: Ctx, now = new Date()): Promise<{ escalated: number }> {
  const table = await loadSlaTable(ctx.db);
  const supervisorsOf = await supervisorsByDistrict(ctx.db);
  let escalated = 0;
  for (const kind of slaKinds) {
    const breaches = await repo.unescalatedBreaches(ctx.db, table, now, kind, BATCH);
    for (const r of breaches)
      if (await escalateOne(ctx, r, kind, dueAt(table, r, kind), supervisorsOf(r.districtId))) escalated++;
    if (breaches.length === BATCH)
      ctx.log.warn({ sla: kind }, "more SLA breaches than one run escalates; the next run continues");
  }
  if (escalated) ctx.log.info({ escalated }, "overdue reports escalated");
  return { escalated };
}

async function escalateOne(
  ctx: Ctx,
  r: { id: string; status: string; districtId: string },
  kind: SlaKind,
  due: Date,
  supervisorIds: string[],
): Promise<boolean> {
  return withTransaction(ctx, async (tx) => {
    if (!(await repo.claimEscalation(tx, { reportId: r.id, sla: kind, dueAt: due, supervisorIds }))) return false;
    const details = { sla: kind, dueAt: due.toISOString(), supervisorIds };
    await inboxRepo.insertEvent(tx, {
      reportId: r.id,
      type: "escalation",
      fromStatus: r.status,
      toStatus: r.status,
      actorType: "system",
      visibleToReporter: false,
      details,
    });
    await notifyReportChange(tx, r.id, r.status, "escalation");
    await audit(ctx, tx, { action: "report.sla_escalate", entity: "report", entityId: r.id, details });
    return true;
  });
}

/** Every five minutes, on one process at a time (pg-boss's cron), escalate what became overdue. */
export const escalateOverdueJob = defineJob({
  id: "protocols.escalate-overdue",
  payload: z.object({}).passthrough(),
  cron: "*/5 * * * *",
  handler: async (ctx) => {
    await escalateOverdueReports(ctx);
  },
});

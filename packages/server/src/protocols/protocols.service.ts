import type { LocalizedText, Protocol, ReportProtocol, UpdateProtocolBody } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import { requireCountryScope } from "../identity/scope.js";
import { mayActOn, openStatuses } from "../inbox/inbox.policy.js";
import * as inboxRepo from "../inbox/inbox.repo.js";
import { loadInScope } from "../inbox/inbox.service.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { notifyReportChange, revealTrackingCode } from "../reports/reports.repo.js";
import { myTeamIds } from "../teams/teams.service.js";
import { allLanguages, fallbackChain } from "../translations/languages.service.js";
import { clockStart, dueAt, globalSla, loadSlaTable, type SlaKind, type SlaTable } from "./protocol-sla.js";
import * as repo from "./protocols.repo.js";

/** Fills `{name}` placeholders; unknown ones stay visible so the responder notices them before sending. */
export function renderTemplate(body: string, vars: Record<string, string>): string {
  return body.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

function staffId(ctx: Ctx): string {
  if (ctx.actor.type !== "staff") throw new AppError("UNAUTHENTICATED", "Sign in first");
  return ctx.actor.userId;
}

/**
 * One deadline as the responder reads it. A clock counts only while the report is open: once it is done it says when
 * (and whether late); once the report ended without it (declined, closed unresolved, merged) it says whether the
 * deadline had already passed (missed) or not (stopped), never "due in".
 */
function clock(
  r: inboxRepo.ReportRow,
  table: SlaTable,
  kind: SlaKind,
  now: Date,
  escalatedAt: Date | undefined,
): ReportProtocol["sla"]["firstResponse"] {
  const start = clockStart(r, kind);
  const due = dueAt(table, r, kind);
  const met = kind === "first_response" ? r.firstResponseAt : (r.resolvedAt ?? r.closedAt);
  const open = openStatuses.includes(r.status as (typeof openStatuses)[number]);
  const ended = !open && !met ? (r.endedAt ?? r.updatedAt) : null;
  const state = met
    ? met <= due
      ? "met"
      : "met_late"
    : ended
      ? ended > due
        ? "missed"
        : "stopped"
      : due < now
        ? "overdue"
        : "running";
  return {
    targetHours: Math.round((due.getTime() - start.getTime()) / 3_600_000),
    startedAt: start.toISOString(),
    restarted: kind === "resolution" && r.reopenedAt !== null,
    dueAt: due.toISOString(),
    state,
    endedAt: ended?.toISOString() ?? null,
    metAt: met?.toISOString() ?? null,
    overdue: state === "overdue",
    escalatedAt: escalatedAt?.toISOString() ?? null,
  };
}

/**
 * A protocol text in `lang`, else along the language's configured fallback chain (ky → ru → en; pt-MZ → pt → en),
 * else any text it has. Returns the language the text is in, too.
 */
function pickAlong(text: LocalizedText, chain: string[]): { text: string; language: string } {
  for (const lang of chain) if (text[lang]) return { text: text[lang], language: lang };
  const [language, any] = Object.entries(text)[0] ?? ["en", ""];
  return { text: any, language };
}

/** The protocol of a report's subcategory, as the responder works through it. Out of scope reads as 404. */
export async function getReportProtocol(ctx: Ctx, reportId: string): Promise<ReportProtocol> {
  const r = await loadInScope(ctx, reportId);
  const [table, protocol, done, escalations, subcategoryLabels, languageRows] = await Promise.all([
    loadSlaTable(ctx.db),
    repo.findProtocol(ctx.db, r.subcategoryCode),
    repo.stepsDone(ctx.db, r.id),
    repo.escalationsOf(ctx.db, r.id),
    repo.subcategoryLabels(ctx.db, r.subcategoryCode),
    allLanguages(ctx.db),
  ]);
  const staffChain = fallbackChain(ctx.language, languageRows);
  const now = new Date();
  const escalated = (kind: SlaKind) => escalations.find((e) => e.sla === kind)?.escalatedAt;
  const doneByCode = new Map(done.map((d) => [d.stepCode, d]));
  const reporterLang = r.language ?? "en";
  const reporterChain = fallbackChain(reporterLang, languageRows);
  const vars = (lang: string) => ({
    trackingCode: revealTrackingCode(ctx.services.cipher, r),
    subcategory: pickText(subcategoryLabels, lang),
  });
  return {
    subcategoryCode: r.subcategoryCode,
    slaSource: table.bySubcategory[r.subcategoryCode] ? "protocol" : "default",
    sla: {
      firstResponse: clock(r, table, "first_response", now, escalated("first_response")),
      resolution: clock(r, table, "resolution", now, escalated("resolution")),
    },
    steps: (protocol?.steps ?? []).map((s) => {
      const d = doneByCode.get(s.code);
      return {
        code: s.code,
        label: pickAlong(s.labels, staffChain).text,
        done: Boolean(d),
        doneAt: d?.doneAt.toISOString() ?? null,
        doneBy: d?.doneBy ?? null,
      };
    }),
    templates: (protocol?.templates ?? []).map((tpl) => {
      const forReporter = pickAlong(tpl.bodies, reporterChain);
      return {
        code: tpl.code,
        label: pickAlong(tpl.labels, staffChain).text,
        language: forReporter.language,
        body: renderTemplate(forReporter.text, vars(forReporter.language)),
        staffBody: renderTemplate(pickAlong(tpl.bodies, staffChain).text, vars(ctx.language)),
      };
    }),
  };
}

/**
 * Ticks or unticks one checklist step. Responders tick on reports they may act on (unheld, or theirs or their
 * team's), as for status changes; the change is a timeline event, audited, and announced to open inboxes.
 */
export async function tickProtocolStep(ctx: Ctx, reportId: string, input: { stepCode: string; done: boolean }) {
  const actorId = staffId(ctx);
  const r = await loadInScope(ctx, reportId);
  if (!mayActOn(ctx.actor, r, await myTeamIds(ctx))) {
    throw new AppError("FORBIDDEN", "This report is assigned to someone else");
  }
  if (r.status === "declined" || r.status === "closed") {
    throw new AppError("INVALID_TRANSITION", `Not possible while the report is ${r.status}`, { status: r.status });
  }
  const protocol = await repo.findProtocol(ctx.db, r.subcategoryCode);
  if (!protocol?.steps.some((s) => s.code === input.stepCode)) {
    throw new AppError("VALIDATION_FAILED", "This step is not in the report's protocol", [
      { path: "stepCode", message: "unknown step" },
    ]);
  }
  await withTransaction(ctx, async (tx) => {
    const changed = input.done
      ? await repo.tickStep(tx, r.id, input.stepCode, actorId)
      : await repo.untickStep(tx, r.id, input.stepCode);
    if (!changed) return; // already in the asked state: nothing to record
    await inboxRepo.insertEvent(tx, {
      reportId: r.id,
      type: "protocol_step",
      fromStatus: r.status,
      toStatus: r.status,
      actorType: "staff",
      actorId,
      visibleToReporter: false,
      details: { stepCode: input.stepCode, done: input.done },
    });
    await notifyReportChange(tx, r.id, r.status, "protocol_step");
    await audit(ctx, tx, {
      action: input.done ? "report.protocol_step_done" : "report.protocol_step_undone",
      entity: "report",
      entityId: r.id,
      details: { stepCode: input.stepCode },
    });
  });
  return getReportProtocol(ctx, reportId);
}

function present(row: repo.ProtocolRow): Protocol {
  return {
    subcategoryCode: row.subcategoryCode,
    firstResponseHours: row.firstResponseHours,
    resolutionHours: row.resolutionHours,
    steps: row.steps,
    templates: row.templates,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every protocol, for Set-up, with the global targets they fall back to. */
export async function listProtocolsForSetup(ctx: Ctx) {
  const [defaults, rows] = await Promise.all([globalSla(ctx.db), repo.listProtocols(ctx.db)]);
  return { defaults, items: rows.map(present) };
}

/**
 * Creates or edits a subcategory's protocol; the new SLA targets apply to the queue at once. `auditNote` adds to the
 * audit details where the change came from (the translation editor names the language and the texts).
 */
export async function updateProtocol(
  ctx: Ctx,
  subcategoryCode: string,
  body: UpdateProtocolBody,
  auditNote: Record<string, unknown> = {},
): Promise<Protocol> {
  const actorId = staffId(ctx);
  // A protocol applies to every report of its subcategory, in every region.
  await requireCountryScope(ctx);
  if (!(await repo.subcategoryExists(ctx.db, subcategoryCode))) {
    throw new AppError("UNKNOWN_SUBCATEGORY", `No subcategory ${subcategoryCode}`);
  }
  return withTransaction(ctx, async (tx) => {
    const current = await repo.findProtocol(tx, subcategoryCode);
    const row = await repo.upsertProtocol(tx, {
      subcategoryCode,
      firstResponseHours:
        body.firstResponseHours !== undefined ? body.firstResponseHours : (current?.firstResponseHours ?? null),
      resolutionHours: body.resolutionHours !== undefined ? body.resolutionHours : (current?.resolutionHours ?? null),
      steps: body.steps ?? current?.steps ?? [],
      templates: body.templates ?? current?.templates ?? [],
      updatedBy: actorId,
    });
    await audit(ctx, tx, {
      action: "protocol.update",
      entity: "response_protocol",
      entityId: subcategoryCode,
      details: {
        firstResponseHours: row.firstResponseHours,
        resolutionHours: row.resolutionHours,
        steps: row.steps.map((s) => s.code),
        templates: row.templates.map((tpl) => tpl.code),
        ...auditNote,
      },
    });
    return present(row);
  });
}

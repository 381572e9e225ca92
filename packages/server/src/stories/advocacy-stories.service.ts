import type { AdvocacyStory, ReviewStoryInput, StoryCandidate, StoryCandidateDetail } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { isTrainee } from "../reports/training.js";
import * as repo from "./advocacy-stories.repo.js";

/** At most this many items a list answers (the review queue is worked from the top; analysts read the newest). */
const LIST_LIMIT = 200;

const staffId = (ctx: Ctx) => (ctx.actor.type === "staff" ? ctx.actor.userId : null);

/** Reports in the data manager's scope offered for a story and not decided yet: coarse facts, no description. */
export async function listStoryCandidates(ctx: Ctx): Promise<{ items: StoryCandidate[] }> {
  // Candidates are live reports: a trainee account has none (reports/training.ts).
  if (isTrainee(ctx.actor)) return { items: [] };
  const rows = await repo.undecidedCandidates(ctx.db, await actorScope(ctx), LIST_LIMIT);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/**
 * One candidate with the reporter's description, to redact. Reading the description is a view of personal data:
 * audited as `report.view_personal` in the same transaction as the read. Not offered (no consent, no description)
 * or out of scope: 404.
 */
export async function getStoryCandidate(ctx: Ctx, reportId: string): Promise<StoryCandidateDetail> {
  if (isTrainee(ctx.actor)) throw notFound("story candidate");
  const scope = await actorScope(ctx);
  return withTransaction(ctx, async (tx) => {
    const row = await repo.candidate(tx, scope, reportId);
    if (!row?.descriptionEnc) throw notFound("story candidate");
    await audit(ctx, tx, {
      action: "report.view_personal",
      entity: "report",
      entityId: reportId,
      details: { purpose: "advocacy_story_review" },
    });
    const { cipher } = ctx.services;
    return {
      reportId: row.reportId,
      categoryCode: row.categoryCode,
      subcategoryCode: row.subcategoryCode,
      districtId: row.districtId,
      month: row.month,
      createdAt: row.createdAt.toISOString(),
      description: cipher.decrypt(row.descriptionEnc),
      decision:
        row.status && row.decidedAt
          ? { status: row.status, text: cipher.decryptOptional(row.textEnc), decidedAt: row.decidedAt.toISOString() }
          : null,
    };
  });
}

/**
 * Approve (with the redacted text analysts will read) or reject. The report is locked while deciding, so a consent
 * withdrawn at the same moment either comes first (404: nothing to decide) or deletes the decision after.
 */
export async function reviewAdvocacyStory(ctx: Ctx, reportId: string, input: ReviewStoryInput) {
  if (isTrainee(ctx.actor)) throw notFound("story candidate");
  const scope = await actorScope(ctx);
  const status: "approved" | "rejected" = input.decision === "approve" ? "approved" : "rejected";
  await withTransaction(ctx, async (tx) => {
    const row = await repo.candidate(tx, scope, reportId, { forUpdate: true });
    if (!row) throw notFound("story candidate");
    if (
      input.decision === "approve" &&
      input.text.trim() === ctx.services.cipher.decryptOptional(row.descriptionEnc)?.trim()
    )
      throw new AppError("VALIDATION_FAILED", "The story must be redacted: it is the reporter's text unchanged");
    const text = input.decision === "approve" ? input.text.trim() : null;
    await repo.saveDecision(tx, {
      reportId,
      status,
      textEnc: text === null ? null : ctx.services.cipher.encrypt(text),
      decidedBy: staffId(ctx),
      decidedAt: new Date(),
    });
    await audit(ctx, tx, {
      action: input.decision === "approve" ? "advocacy_story.approve" : "advocacy_story.reject",
      entity: "report",
      entityId: reportId,
      details: text === null ? {} : { length: text.length },
    });
  });
  return { status };
}

/** Analysts: approved, redacted stories whose reporter still agrees, in scope; coarse facts only. */
export async function listAdvocacyStories(ctx: Ctx): Promise<{ items: AdvocacyStory[] }> {
  const rows = await repo.approvedStories(ctx.db, await actorScope(ctx), LIST_LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.id,
      text: ctx.services.cipher.decrypt(r.textEnc as string),
      categoryCode: r.categoryCode,
      regionId: r.regionId,
      month: r.month,
    })),
  };
}

/** Called when a reporter withdraws `useInAdvocacyStories`, in the consent change's transaction. */
export async function withdrawAdvocacyStory(ctx: Ctx, tx: Db, reportId: string): Promise<void> {
  if (await repo.deleteForReport(tx, reportId))
    await audit(ctx, tx, { action: "advocacy_story.withdrawn", entity: "report", entityId: reportId });
}

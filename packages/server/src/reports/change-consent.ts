import type { ChangeReportConsentInput, TrackedReport } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { withdrawAdvocacyStory } from "../stories/advocacy-stories.service.js";
import { consentColumns, presentConsent } from "./reports.presenter.js";
import * as repo from "./reports.repo.js";
import { lookupHash, notFound, presentTracked } from "./track-report.js";

/**
 * Consent is per purpose and revocable (PRODUCT.md 3.2): the reporter, holding the tracking code, sets what may be
 * done with the report from now on. Withdrawing "you may contact me" also deletes the stored phone number, which
 * was kept for nothing else (its salted hash stays, for duplicate detection only). Staff see the new consent at once.
 */
export async function changeReportConsent(
  ctx: Ctx,
  typed: string,
  input: ChangeReportConsentInput,
): Promise<TrackedReport> {
  const codeHash = lookupHash(ctx, typed);
  const now = new Date();
  const updated = await withTransaction(ctx, async (tx) => {
    const report = await repo.findByTrackingCode(tx, codeHash, { forUpdate: true });
    if (!report) throw notFound();
    const before = presentConsent(report);
    const changed = (Object.keys(input) as (keyof ChangeReportConsentInput)[]).filter((k) => input[k] !== before[k]);
    if (!changed.length) return report;
    const erasePhone = before.contactMe && !input.contactMe && report.hasPhone;
    await repo.updateReport(
      tx,
      report.id,
      { ...consentColumns(input), ...(erasePhone ? { phoneEnc: null } : {}) },
      now,
    );
    const actorId = ctx.actor.type === "community" ? ctx.actor.accountId : null;
    await repo.insertEvents(tx, [
      { reportId: report.id, at: now, actorType: "reporter", actorId, type: "consent_change", details: { ...input } },
    ]);
    // Withdrawn from advocacy stories: an approved story (and its redacted text) goes in this transaction.
    if (before.useInAdvocacyStories && !input.useInAdvocacyStories) await withdrawAdvocacyStory(ctx, tx, report.id);
    await repo.notifyReportChange(tx, report.id, report.status, "report.consent");
    await audit(ctx, tx, {
      action: "report.consent",
      entity: "report",
      entityId: report.id,
      details: { changed, ...input, phoneErased: erasePhone },
    });
    return { ...report, ...consentColumns(input), hasPhone: report.hasPhone && !erasePhone };
  });
  return presentTracked(ctx, updated);
}

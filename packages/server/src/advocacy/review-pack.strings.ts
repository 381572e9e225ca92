import { type AdvocacyCaseStatus, advocacyCaseStatuses } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { catalogueTexts } from "../translations/catalogue-text.js";

/**
 * The review pack's own words (the rest — indicator names, quarters — come from the factsheet's strings): the
 * `review` part of the `factsheet` namespace of the one catalogue (ADR 0022,
 * `packages/web/src/i18n/locales/<lng>/factsheet.ts`), with Set-up's translations laid over it and a missing string
 * read along the language's fallback chain.
 */
export interface ReviewPackStrings {
  title: string;
  headlineVsTargets: string;
  topPerArea: string;
  openCases: string;
  loopClosure: string;
  colArea: string;
  colTopChallenges: string;
  colCase: string;
  colStatus: string;
  colDutyBearer: string;
  colReports: string;
  colTrend: string;
  trendText: (before: string, after: string) => string;
  noCommitment: string;
  resolvedReports: string;
  confirmedReports: string;
  confirmedPct: string;
  noCases: string;
  agreedActions: string;
  agreedActionsHint: string;
  hidden: (threshold: number) => string;
  statuses: Record<AdvocacyCaseStatus, string>;
}

/** The review pack's words in `language` (any language the country has; missing strings along its fallback chain). */
export async function reviewPackStrings(db: Db, language: string): Promise<ReviewPackStrings> {
  const t = (await catalogueTexts(db, "factsheet"))(language);
  const text = (key: string) => t(`review.${key}`);
  return {
    title: text("title"),
    headlineVsTargets: text("headlineVsTargets"),
    topPerArea: text("topPerArea"),
    openCases: text("openCases"),
    loopClosure: text("loopClosure"),
    colArea: text("colArea"),
    colTopChallenges: text("colTopChallenges"),
    colCase: text("colCase"),
    colStatus: text("colStatus"),
    colDutyBearer: text("colDutyBearer"),
    colReports: text("colReports"),
    colTrend: text("colTrend"),
    trendText: (before, after) => t("review.trendText", { before, after }),
    noCommitment: text("noCommitment"),
    resolvedReports: text("resolvedReports"),
    confirmedReports: text("confirmedReports"),
    confirmedPct: text("confirmedPct"),
    noCases: text("noCases"),
    agreedActions: text("agreedActions"),
    agreedActionsHint: text("agreedActionsHint"),
    hidden: (threshold) => t("review.hidden", { threshold: String(threshold) }),
    statuses: Object.fromEntries(advocacyCaseStatuses.map((s) => [s, text(`statuses.${s}`)])) as Record<
      AdvocacyCaseStatus,
      string
    >,
  };
}

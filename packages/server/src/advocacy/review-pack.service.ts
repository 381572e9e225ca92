import type { AdvocacyCaseStatus, IndicatorMetric, ReviewPackQuery } from "@openclm/contracts";
import { exportableIndicators } from "../dashboard/indicators.service.js";
import { visibleAreaIds } from "../dashboard-setup/area-scope.js";
import { type FactsheetModel, getFactsheetData } from "../factsheet/factsheet.service.js";
import type { FactsheetStrings } from "../factsheet/factsheet.strings.js";
import type { Ctx } from "../platform/context.js";
import * as repo from "./advocacy.repo.js";
import { beforeAfter, caseThreshold, controlledCounts } from "./advocacy-figures.js";
import { type ReviewPackStrings, reviewPackStrings } from "./review-pack.strings.js";

const TOP_PER_AREA = 3;
const OPEN: AdvocacyCaseStatus[] = ["open", "in_dialogue", "commitment_made", "stalled"];

/** Everything the pack shows, in the chosen language; every count is disclosure-controlled. */
export interface ReviewPackModel {
  factsheet: FactsheetModel;
  /** The language the pack's words are in (the factsheet's `lang` is the one its numbers and dates are formatted in). */
  language: string;
  strings: ReviewPackStrings;
  fs: FactsheetStrings;
  topPerArea: { area: string; challenges: { label: string; value: number | null }[] }[];
  cases: {
    title: string;
    status: AdvocacyCaseStatus;
    dutyBearer: string;
    reports: number | null;
    /** Mean monthly reports before and after the commitment (null: a month was hidden, or no commitment). */
    before: number | null;
    after: number | null;
    committed: boolean;
  }[];
}

/**
 * `getReviewPack`'s figures: the factsheet of the caller's area for the period (headline indicators, targets, loop
 * closure — already through disclosure control, one calendar month, quarter or year), the top challenge types of
 * each district (scoped and disclosure-controlled like an export), and the open cases the caller sees.
 */
export async function reviewPackModel(ctx: Ctx, query: ReviewPackQuery): Promise<ReviewPackModel> {
  const factsheet = await getFactsheetData(ctx, { from: query.from, to: query.to, lang: query.language });
  // The same language as the factsheet's words (getFactsheetData reads them in the requested language).
  const language = query.language ?? factsheet.lang;
  const strings = await reviewPackStrings(ctx.db, language);
  const top = await exportableIndicators(ctx, {
    metrics: ["reports_validated" as IndicatorMetric],
    dimensions: ["district", "challenge_type"],
    filters: [],
    from: query.from,
    to: query.to,
    lang: query.language ?? factsheet.lang,
    top: { n: TOP_PER_AREA, by: "reports_validated" },
  });
  const byArea = new Map<string, { label: string; value: number | null }[]>();
  for (const r of top.rows) {
    const area = top.labels.district?.[r.dimensions.district ?? ""] ?? r.dimensions.district ?? "";
    const code = r.dimensions.challenge_type ?? "";
    const list = byArea.get(area) ?? [];
    const value = r.metrics.reports_validated ?? null;
    // A type nobody reported here is not a top challenge.
    if (value !== 0) list.push({ label: top.labels.challenge_type?.[code] ?? code, value });
    byArea.set(area, list);
  }
  const rows = await repo.listCases(ctx.db, await visibleAreaIds(ctx), 100, OPEN);
  const today = new Date().toISOString().slice(0, 10);
  const counts = await controlledCounts(ctx.db, rows, true);
  const cases = await Promise.all(
    rows.map(async (c) => {
      const threshold = await caseThreshold(ctx.db, c.filters);
      const where = repo.caseReportsSql(c, true);
      const perMonth = c.commitmentOn
        ? await beforeAfter(ctx.db, where, threshold, c.commitmentOn, today)
        : { before: null, after: null };
      return {
        title: c.title,
        status: c.status,
        dutyBearer: c.dutyBearer,
        reports: counts.get(c.id) ?? null,
        before: perMonth.before,
        after: perMonth.after,
        committed: Boolean(c.commitmentOn),
      };
    }),
  );
  return {
    factsheet,
    language,
    strings,
    fs: factsheet.strings,
    topPerArea: [...byArea.entries()]
      .filter(([, challenges]) => challenges.length > 0)
      .map(([area, challenges]) => ({ area, challenges }))
      .sort((a, b) => a.area.localeCompare(b.area, factsheet.lang)),
    cases,
  };
}

/** The pack's figures as formatted text, shared by the PDF and the HTML deck. */
export function packSections(m: ReviewPackModel) {
  const { factsheet: f, strings: s, fs } = m;
  const num = new Intl.NumberFormat(f.lang, { maximumFractionDigits: 1 });
  const n = (v: number | null | undefined) =>
    v === null || v === undefined ? "–" : num.format(v).replace(/\u202f/g, "\u00a0");
  const date = new Intl.DateTimeFormat(f.lang, { dateStyle: "long", timeZone: "UTC" });
  const day = (iso: string) => date.format(new Date(`${iso}T00:00:00Z`)).replace(/\u202f/g, "\u00a0");
  const headline: [string, string][] = (
    ["reports_total", "reports_validated", "pct_resolved", "median_hours_to_first_response", "pct_on_behalf"] as const
  ).map((metric) => [fs.metrics[metric], n(f.headline[metric])]);
  const targets = f.targets.map((t) => [fs.metrics[t.metric], t.periodLabel, n(t.target), n(t.actual)]);
  const loop: [string, string][] = [
    [s.confirmedPct, n(f.headline.pct_confirmed)],
    [fs.metrics.pct_resolved, n(f.headline.pct_resolved)],
  ];
  const cases = m.cases.map((c) => [
    c.title,
    s.statuses[c.status],
    c.dutyBearer,
    n(c.reports),
    c.committed ? s.trendText(n(c.before), n(c.after)) : s.noCommitment,
  ]);
  const areas = m.topPerArea.map((a) => [a.area, a.challenges.map((c) => `${c.label} (${n(c.value)})`).join(", ")]);
  return {
    title: `${s.title} · ${f.areaName}`,
    period: fs.period(day(f.from), day(f.to)),
    headline,
    targets,
    targetHeader: [fs.colIndicator, fs.colPeriod, fs.colTarget, fs.colActual],
    areas,
    areaHeader: [s.colArea, s.colTopChallenges],
    cases,
    caseHeader: [s.colCase, s.colStatus, s.colDutyBearer, s.colReports, s.colTrend],
    loop,
    note: s.hidden(f.suppression.threshold),
  };
}

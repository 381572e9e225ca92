import { declineReasons, type IndicatorMetric, indicatorMetrics } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { catalogueTexts } from "../translations/catalogue-text.js";
import { allLanguages, fallbackChain } from "../translations/languages.service.js";

type DeclineReason = (typeof declineReasons)[number];

/**
 * The factsheet's own words in one language: the `factsheet` namespace of the one catalogue (ADR 0022,
 * `packages/web/src/i18n/locales/<lng>/factsheet.ts`) with Set-up's translations laid over it and a missing string
 * read along the language's fallback chain. Names of areas, categories and challenge types come from the database.
 */
export interface FactsheetStrings {
  kicker: string;
  title: string;
  wholeCountry: string;
  period: (from: string, to: string) => string;
  generated: (when: string) => string;
  headlines: string;
  reported: string;
  validated: string;
  declined: string;
  resolvedPct: string;
  medianFirstResponse: string;
  medianValidation: string;
  medianResolution: string;
  assistedShare: string;
  loopClosure: string;
  hours: (n: string) => string;
  days: (n: string) => string;
  quarter: (q: number, year: number) => string;
  trend: string;
  byCategory: string;
  topChallenges: string;
  declinedReasons: string;
  districts: string;
  /** Title of the table of the lowest-rated facilities, naming the minimum number of ratings. */
  lowestRated: (minimum: number) => string;
  colFacility: string;
  colAverageRating: string;
  colRatings: string;
  targets: string;
  colChallenge: string;
  colReason: string;
  colDistrict: string;
  colIndicator: string;
  colPeriod: string;
  colTarget: string;
  colActual: string;
  colPer1000: string;
  none: string;
  /** Under the monthly chart when the period reaches the month still running (marked * on the axis). */
  runningMonth: string;
  method: string;
  methodText: (threshold: number, sensitive: number, asOf: string) => string;
  declineReasons: Record<DeclineReason, string>;
  metrics: Record<IndicatorMetric, string>;
}

/** The factsheet's words in `language` (any language the country has; missing strings along its fallback chain). */
export async function factsheetStrings(db: Db, language: string): Promise<FactsheetStrings> {
  const t = (await catalogueTexts(db, "factsheet"))(language);
  // A metric is named as the dashboard names it (issue 16: one label everywhere), from the dashboard's catalogue.
  const dashboard = (await catalogueTexts(db, "dashboard"))(language);
  const text = (key: string) => t(key);
  return {
    kicker: text("kicker"),
    title: text("title"),
    wholeCountry: text("wholeCountry"),
    period: (from, to) => t("period", { from, to }),
    generated: (when) => t("generated", { when }),
    headlines: text("headlines"),
    reported: text("reported"),
    validated: text("validated"),
    declined: text("declined"),
    resolvedPct: text("resolvedPct"),
    medianFirstResponse: text("medianFirstResponse"),
    medianValidation: text("medianValidation"),
    medianResolution: text("medianResolution"),
    assistedShare: text("assistedShare"),
    loopClosure: text("loopClosure"),
    hours: (n) => t("hours", { n }),
    days: (n) => t("days", { n }),
    quarter: (q, year) => t("quarter", { q: String(q), year: String(year) }),
    trend: text("trend"),
    byCategory: text("byCategory"),
    topChallenges: text("topChallenges"),
    declinedReasons: text("declinedReasons"),
    districts: text("districts"),
    lowestRated: (minimum) => t("lowestRated", { minimum: String(minimum) }),
    colFacility: text("colFacility"),
    colAverageRating: text("colAverageRating"),
    colRatings: text("colRatings"),
    targets: text("targets"),
    colChallenge: text("colChallenge"),
    colReason: text("colReason"),
    colDistrict: text("colDistrict"),
    colIndicator: text("colIndicator"),
    colPeriod: text("colPeriod"),
    colTarget: text("colTarget"),
    colActual: text("colActual"),
    colPer1000: text("colPer1000"),
    none: text("none"),
    runningMonth: text("runningMonth"),
    method: text("method"),
    methodText: (threshold, sensitive, asOf) =>
      t("methodText", { threshold: String(threshold), sensitive: String(sensitive), asOf }),
    declineReasons: Object.fromEntries(declineReasons.map((r) => [r, text(`declineReasons.${r}`)])) as Record<
      DeclineReason,
      string
    >,
    metrics: Object.fromEntries(indicatorMetrics.map((m) => [m, dashboard(`metrics.${m}`)])) as Record<
      IndicatorMetric,
      string
    >,
  };
}

/** A BCP 47 tag the documents' numbers and dates are formatted in (Intl.NumberFormat / Intl.DateTimeFormat). */
export type FactsheetLanguage = string;

/**
 * The locale a document's numbers and dates are written in for a requested language: the first language along its
 * fallback chain (tg → ru → en; pt-MZ → pt → en) that Intl knows, so a language added in Set-up formats as it should
 * (Khmer, Indonesian, Urdu…) and an unknown code formats as its fallback does.
 */
export async function formatLocale(db: Db, tag: string | undefined): Promise<FactsheetLanguage> {
  const chain = fallbackChain(tag ?? "en", await allLanguages(db));
  return chain.find((code) => isIntlLocale(code)) ?? "en";
}

export function isIntlLocale(code: string): boolean {
  try {
    return (
      Intl.NumberFormat.supportedLocalesOf([code]).length > 0 &&
      Intl.DateTimeFormat.supportedLocalesOf([code]).length > 0
    );
  } catch {
    return false; // not a well-formed tag
  }
}

import { z } from "zod";
import { languageCodeSchema, uuidSchema } from "./common.js";
import { countMetrics, dateBases, indicatorDimensions, indicatorMetrics } from "./constants.js";

export const indicatorMetricSchema = z.enum(indicatorMetrics);
export const indicatorDimensionSchema = z.enum(indicatorDimensions);

const isoDate = z.iso.date();
/**
 * A day of a reporting period: years 2000–2099. Reports are never older than the platform, and a bound keeps every
 * date (and the day after it) a valid database timestamp: 0001-01-01…9999-12-31 used to end in a 500.
 */
export const periodDateSchema = isoDate.refine((d) => d >= "2000-01-01" && d <= "2099-12-31", {
  message: "Dates run from 2000-01-01 to 2099-12-31",
});

/** `["is", dimension, [values]]`: keep rows whose dimension takes one of the values (PRODUCT.md 6). */
export const indicatorFilterSchema = z.tuple([
  z.literal("is"),
  indicatorDimensionSchema,
  z.array(z.string().max(80)).min(1).max(200),
]);
export type IndicatorFilter = z.infer<typeof indicatorFilterSchema>;

export const indicatorQuerySchema = z
  .object({
    metrics: z.array(indicatorMetricSchema).min(1).max(16),
    dimensions: z.array(indicatorDimensionSchema).max(3).default([]),
    filters: z.array(indicatorFilterSchema).max(10).default([]),
    /**
     * First and last day of the period, inclusive (UTC dates). Staff answers (`queryIndicators`) take any range.
     * Published answers (`getPublicIndicators`, `exportIndicators`, the factsheet, DHIS2) take exactly one calendar
     * month, quarter or year (`calendarPeriodOf`), else `400 PERIOD_NOT_CALENDAR`; a trend is asked as one such
     * period with a `month` or `quarter` dimension, each cell perturbed on its own.
     */
    from: periodDateSchema,
    to: periodDateSchema,
    /**
     * Staff answers: `all` (default) counts every report; `publishable` counts exactly the reports that may leave the
     * programme (shared de-identified by the reporter), before disclosure control. Public answers are always
     * `publishable` (and perturbed).
     */
    population: z.enum(["all", "publishable"]).optional(),
    /**
     * Staff answers: which date places a report in the period and its month or quarter. `reported` (default): the day
     * it was made. `validated`: the day it was validated, counting validated reports only (metrics in
     * `validatedBasisMetrics`). Published answers are by day reported only.
     */
    dateBasis: z.enum(dateBases).optional(),
    /** Language of the labels in the answer. */
    lang: languageCodeSchema.optional(),
    /**
     * Keep only the `n` rows with the highest `by` count within each combination of the other dimensions (all but
     * the last), ties broken by the last dimension's value: `[district, challenge_type]` with `{ n: 1 }` answers the
     * top challenge type of each district. With one dimension, the top `n` rows overall.
     */
    top: z.object({ n: z.int().min(1).max(50), by: z.enum(countMetrics) }).optional(),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] })
  .refine((q) => !q.top || q.dimensions.length > 0, { message: "top needs at least one dimension", path: ["top"] })
  .meta({ id: "IndicatorQuery" });
export type IndicatorQuery = z.input<typeof indicatorQuerySchema>;

export const indicatorRowSchema = z.object({
  /** Dimension values: codes, area/facility ids, `2026-03` (month), `2026-Q1` (quarter), `2026` (year). */
  dimensions: z.record(z.string(), z.string()),
  metrics: z.record(z.string(), z.number().nullable()),
  /** Set when at least one value on the row was hidden by small-cell suppression (public answers only). */
  suppressed: z.boolean().optional(),
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;

export const indicatorResultSchema = z
  .object({
    rows: z.array(indicatorRowSchema),
    /** Display names of dimension values (areas, facilities, taxonomy codes) in the requested language. */
    labels: z.record(z.string(), z.record(z.string(), z.string())),
    /** When the aggregates were last brought up to date with the reports. */
    asOf: z.string(),
    /** Public answers: the thresholds applied. */
    suppression: z.object({ threshold: z.number(), categoryThresholds: z.record(z.string(), z.number()) }).optional(),
    /**
     * Published answers: true, the counts are slightly adjusted by disclosure control (cell-key perturbation,
     * docs/disclosure-control.md); the same cell always gets the same adjustment.
     */
    perturbed: z.boolean().optional(),
    /**
     * Staff answers (population `all`): how many of the reports counted (in `reports_total`, summed over the rows) the
     * reporters did not agree to share, so they are withheld from publication.
     */
    withheld: z.number().optional(),
  })
  .meta({ id: "IndicatorResult" });
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

export const exportReportsQuerySchema = z.object({
  from: periodDateSchema,
  to: periodDateSchema,
  areaId: uuidSchema.optional(),
  categoryCode: z.string().max(64).optional(),
});
export type ExportReportsQuery = z.infer<typeof exportReportsQuerySchema>;

/**
 * Columns of the de-identified report export (docs/disclosure-control.md §6): no internal id (`row` is a random
 * number per export), no exact date (`period`: the month, or a quarter or year where needed for k-anonymity), times
 * in bands, no free text, phone, names, tracking codes or coordinates. Quasi-identifiers may be generalised or blank.
 */
export const exportReportColumns = [
  "row",
  "period",
  "region_code",
  "district_code",
  "facility_code",
  "category",
  "subcategory",
  "challenge_types",
  "channel",
  "reporter_mode",
  /** `assistedBy.kind` of a report made on someone's behalf, empty for the person's own (never who assisted). */
  "assisted_by",
  "gender",
  "age_group",
  "key_populations",
  "status",
  "decline_reason",
  "time_to_validation",
  "time_to_first_response",
  "time_to_resolution",
  "reporter_confirmed",
] as const;

/** Bands of the export's times (from the report to the event). */
export const durationBands = ["<1d", "1-2d", "3-7d", "8-30d", ">30d"] as const;

import { z } from "zod";
import { languageCodeSchema, uuidSchema } from "./common.js";
import { timeDimensions } from "./constants.js";
import { indicatorMetricSchema, periodDateSchema } from "./dashboard.js";

const isoDate = z.iso.date();

/** The kind of period a target or benchmark value covers. */
export const targetPeriodTypeSchema = z.enum(timeDimensions);

/** A goal for one indicator, period and area (null: the whole country), shown beside the actual (PRODUCT.md 3.4). */
export const targetSchema = z
  .object({
    id: uuidSchema,
    metric: indicatorMetricSchema,
    periodType: targetPeriodTypeSchema,
    /** First day of the month, quarter or year. */
    periodStart: isoDate,
    areaId: uuidSchema.nullable(),
    value: z.number(),
  })
  .meta({ id: "Target" });
export type Target = z.infer<typeof targetSchema>;
export const targetListSchema = z.object({ items: z.array(targetSchema) });

/** Targets whose period overlaps [from, to]; `areaId` narrows to one area, else every area the caller can see. */
export const targetsQuerySchema = z.object({
  from: isoDate,
  to: isoDate,
  areaId: uuidSchema.optional(),
});

/** Sets the target of (metric, period, area): a second call for the same key replaces its value. */
export const putTargetBodySchema = z.object({
  metric: indicatorMetricSchema,
  periodType: targetPeriodTypeSchema,
  periodStart: isoDate,
  areaId: uuidSchema.nullable().default(null),
  value: z.number().min(0).max(1_000_000_000),
});
export type PutTargetBody = z.input<typeof putTargetBodySchema>;

/** `2026-03` (month), `2026-Q1` (quarter) or `2026` (year). */
export const BENCHMARK_PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

export const benchmarkPointSchema = z.object({
  period: z.string().regex(BENCHMARK_PERIOD),
  /** Null: the whole country. */
  areaId: uuidSchema.nullable(),
  value: z.number(),
});

export const benchmarkSeriesSchema = z
  .object({
    id: uuidSchema,
    name: z.string(),
    metric: indicatorMetricSchema,
    points: z.array(benchmarkPointSchema),
  })
  .meta({ id: "BenchmarkSeries" });
export type BenchmarkSeries = z.infer<typeof benchmarkSeriesSchema>;
export const benchmarkListSchema = z.object({ series: z.array(benchmarkSeriesSchema) });

/**
 * Query of a benchmark import; the body is CSV with the columns `period,area_code,value` (area_code empty or the
 * country's code: the whole country). Importing a name again replaces that series' points.
 */
export const importBenchmarkQuerySchema = z.object({
  name: z.string().trim().min(1).max(120),
  metric: indicatorMetricSchema,
});

/** Why a CSV row was refused, for the client to say in its own language. */
export const csvProblems = ["parse", "columns", "empty", "period", "area_code", "value", "duplicate"] as const;
/** One refused CSV row: `row` is the line number in the file (the header is line 1). */
export const csvRowErrorSchema = z.object({
  row: z.number(),
  problem: z.enum(csvProblems),
  column: z.string().optional(),
  message: z.string(),
});
export type CsvRowError = z.infer<typeof csvRowErrorSchema>;

export const factsheetQuerySchema = z
  .object({
    /** One calendar month, quarter or year (else `PERIOD_NOT_CALENDAR`): a factsheet is published. */
    from: periodDateSchema,
    to: periodDateSchema,
    /** Region or district; absent: the whole country (or the caller's one area). */
    areaId: uuidSchema.optional(),
    lang: languageCodeSchema.optional(),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["to"] });
export type FactsheetQuery = z.infer<typeof factsheetQuerySchema>;

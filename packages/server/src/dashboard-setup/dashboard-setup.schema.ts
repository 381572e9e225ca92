import { date, doublePrecision, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { areas } from "../geography/geography.schema.js";

/**
 * A goal per indicator, period and area, set in Set-up and shown beside the actual. `area_id` null is the whole
 * country; "nulls not distinct" keeps one country-wide target per metric and period.
 */
export const indicatorTargets = pgTable(
  "indicator_targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    metric: text("metric").notNull(),
    periodType: text("period_type").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    areaId: uuid("area_id").references(() => areas.id, { onDelete: "cascade" }),
    value: doublePrecision("value").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("indicator_targets_key").on(t.metric, t.periodType, t.periodStart, t.areaId).nullsNotDistinct()],
);

/** An external series (e.g. the national TB programme's own figures) imported from CSV, shown beside ours. */
export const benchmarkSeries = pgTable("benchmark_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  metric: text("metric").notNull(),
  importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
});

export const benchmarkPoints = pgTable(
  "benchmark_points",
  {
    seriesId: uuid("series_id")
      .notNull()
      .references(() => benchmarkSeries.id, { onDelete: "cascade" }),
    /** `2026-03`, `2026-Q1` or `2026`. */
    period: text("period").notNull(),
    areaId: uuid("area_id").references(() => areas.id, { onDelete: "cascade" }),
    value: doublePrecision("value").notNull(),
  },
  (t) => [unique("benchmark_points_key").on(t.seriesId, t.period, t.areaId).nullsNotDistinct()],
);

import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** The columns of a cube table (indicator_cells and its quarterly roll-up). */
const cellColumns = () => ({
  dim: text("dim").notNull(),
  grain: smallint("grain").notNull(),
  month: date("month", { mode: "string" }).notNull(),
  districtId: uuid("district_id").notNull(),
  facilityId: uuid("facility_id").notNull(),
  regionId: uuid("region_id").notNull(),
  categoryCode: text("category_code").notNull(),
  subcategoryCode: text("subcategory_code").notNull(),
  reporterMode: text("reporter_mode").notNull(),
  value: text("value").notNull(),
  /** The reporters agreed to share these reports de-identified (consent.shareDeidentified): public answers read only these. */
  publishable: boolean("publishable").notNull().default(true),
  total: integer("total").notNull().default(0),
  pending: integer("pending").notNull().default(0),
  validated: integer("validated").notNull().default(0),
  declined: integer("declined").notNull().default(0),
  resolved: integer("resolved").notNull().default(0),
  escalated: integer("escalated").notNull().default(0),
  confirmed: integer("confirmed").notNull().default(0),
  /**
   * Cell key sums (dashboard/disclosure.ts): per counter, the sum of the record keys of the reports it counts,
   * modulo 65536, kept incrementally like the counters, so a published cell's key needs no scan of reports.
   */
  keyTotal: integer("key_total").notNull().default(0),
  keyPending: integer("key_pending").notNull().default(0),
  keyValidated: integer("key_validated").notNull().default(0),
  keyDeclined: integer("key_declined").notNull().default(0),
  keyResolved: integer("key_resolved").notNull().default(0),
  keyEscalated: integer("key_escalated").notNull().default(0),
  keyConfirmed: integer("key_confirmed").notNull().default(0),
});

type CellTable = ReturnType<typeof cellColumns>;
/** The key of a cube table (the migrations make it covering: every counter and key sum in INCLUDE). */
const cellKey = (t: { [K in keyof CellTable]: AnyPgColumn }) => [
  primaryKey({
    columns: [
      t.dim,
      t.grain,
      t.month,
      t.districtId,
      t.facilityId,
      t.categoryCode,
      t.subcategoryCode,
      t.reporterMode,
      t.value,
      t.regionId,
      t.publishable,
    ],
  }),
];

/**
 * The dashboard's aggregate "cube": report counts per month, place, taxonomy, reporter mode and one breakdown
 * dimension. `grain` 0 rows are per district (facility = the zero uuid); `grain` 1 rows repeat the reports that name a
 * facility, per facility. `dim` = 'all' (value '') carries every report once; other dims ('gender', 'key_population',
 * …) carry one row per value, so a query uses exactly one dim. Kept up to date from `indicator_dirty` by the
 * aggregator (dashboard/aggregator.ts), never by scanning reports on a query.
 */
export const indicatorCells = pgTable("indicator_cells", cellColumns(), cellKey);

/**
 * The same cells summed per calendar quarter (`month` = the quarter's first day), kept by the aggregator beside the
 * monthly ones. A query over whole quarters reads a third of the rows (indicators.repo.ts); disclosure control's
 * cell-key sums and the `publishable` split roughly doubled the monthly rows a breakdown over a year scans.
 */
export const indicatorCellsQuarterly = pgTable("indicator_cells_quarterly", cellColumns(), cellKey);

/**
 * Histograms of durations (hours from report to first response, validation, resolution) for exact medians at the
 * resolution of `durationBucket` (whole hours up to 3 days, whole days up to 60 days, whole weeks beyond).
 */
export const indicatorDurations = pgTable(
  "indicator_durations",
  {
    kind: text("kind").notNull(),
    month: date("month", { mode: "string" }).notNull(),
    districtId: uuid("district_id").notNull(),
    regionId: uuid("region_id").notNull(),
    categoryCode: text("category_code").notNull(),
    reporterMode: text("reporter_mode").notNull(),
    hours: integer("hours").notNull(),
    /** As in indicator_cells: public medians read only reports shared de-identified. */
    publishable: boolean("publishable").notNull().default(true),
    n: integer("n").notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.kind, t.month, t.districtId, t.categoryCode, t.reporterMode, t.hours, t.regionId, t.publishable],
    }),
    // Country-wide medians read only the roll-up rows (contributions.sql.ts ROLLUP).
    index("indicator_durations_rollup_idx").on(t.month, t.kind, t.hours).where(sql`${t.categoryCode} = '*'`),
  ],
);

/**
 * What each report last contributed to the aggregates: a change subtracts this and adds the report's new state, so
 * the aggregator never recounts. Holds no personal data (codes, ids and times only).
 */
export const indicatorReportState = pgTable("indicator_report_state", {
  reportId: uuid("report_id").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  regionId: uuid("region_id"),
  districtId: uuid("district_id").notNull(),
  facilityId: uuid("facility_id"),
  categoryCode: text("category_code").notNull(),
  subcategoryCode: text("subcategory_code").notNull(),
  channel: text("channel").notNull(),
  reporterMode: text("reporter_mode").notNull(),
  assistantKind: text("assistant_kind"),
  assistedBy: uuid("assisted_by"),
  gender: text("gender").notNull(),
  ageGroup: text("age_group").notNull(),
  keyPopulations: text("key_populations").array().notNull(),
  challengeTypes: text("challenge_types").array().notNull(),
  status: text("status").notNull(),
  declineReason: text("decline_reason"),
  validatedAt: timestamp("validated_at", { withTimezone: true }),
  firstResponseAt: timestamp("first_response_at", { withTimezone: true }),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  reporterConfirmed: boolean("reporter_confirmed"),
  recordKey: integer("record_key").notNull().default(0),
  consentShareDeidentified: boolean("consent_share_deidentified").notNull().default(false),
});

/** Reports changed since the aggregator last ran; filled by a trigger on `reports` in the writing transaction. */
export const indicatorDirty = pgTable("indicator_dirty", {
  seq: bigserial("seq", { mode: "number" }).primaryKey(),
  reportId: uuid("report_id").notNull(),
});

/** One row: when the aggregates last caught up with every committed change. */
export const indicatorSync = pgTable("indicator_sync", {
  id: smallint("id").primaryKey(),
  syncedAt: timestamp("synced_at", { withTimezone: true }).notNull(),
});

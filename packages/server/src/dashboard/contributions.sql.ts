/**
 * Changing what a report contributes needs a migration that empties the aggregates (indicator_cells and
 * indicator_cells_quarterly among them) and marks every report dirty (see drizzle/0015): stored contributions would
 * otherwise be subtracted under the new definition.
 *
 * The one definition of what a report contributes to the dashboard aggregates, as SQL over a "source" relation whose
 * columns are STATE_COLUMNS plus `sign` (+1 adds a report, -1 takes back what it added before). The aggregator feeds
 * it changed reports; queries feed it the reports of partial months at the edges of a period. Keeping one definition
 * is what makes the cube and a direct count agree.
 */

export const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

/** Columns shared by `reports` (as `id AS report_id`) and `indicator_report_state`. */
export const STATE_COLUMNS = [
  "report_id",
  "created_at",
  "region_id",
  "district_id",
  "facility_id",
  "category_code",
  "subcategory_code",
  "channel",
  "reporter_mode",
  "assistant_kind",
  "assisted_by",
  "gender",
  "age_group",
  "key_populations",
  "challenge_types",
  "status",
  "decline_reason",
  "validated_at",
  "first_response_at",
  "resolved_at",
  "reporter_confirmed",
  "record_key",
  "consent_share_deidentified",
] as const;

/** `reports` projected to the state columns (alias `r`). */
export const REPORT_AS_STATE = STATE_COLUMNS.map((c) => (c === "report_id" ? "r.id AS report_id" : `r.${c}`)).join(
  ", ",
);

export const VALIDATED_STATUSES = ["validated", "in_progress", "referred", "resolved", "escalated", "closed"];
const validated = `s.status IN (${VALIDATED_STATUSES.map((v) => `'${v}'`).join(", ")})`;
const resolved = `(s.status IN ('resolved', 'closed') AND s.resolved_at IS NOT NULL)`;
const monthOf = (col: string) => `date_trunc('month', s.${col} AT TIME ZONE 'UTC')::date`;
const month = monthOf("created_at");
const region = `coalesce(s.region_id, '${ZERO_UUID}'::uuid)`;
const when = (cond: string, then = "s.sign") => `CASE WHEN ${cond} THEN ${then} ELSE 0 END`;
const valuesOf = (col: string) =>
  `(SELECT DISTINCT unnest(CASE WHEN cardinality(s.${col}) = 0 THEN ARRAY['none'] ELSE s.${col} END) AS v) x`;

export const CELL_KEY = [
  "dim",
  "grain",
  "month",
  "district_id",
  "facility_id",
  "category_code",
  "subcategory_code",
  "reporter_mode",
  "value",
  "region_id",
  "publishable",
] as const;
export const CELL_COUNTERS = [
  "total",
  "pending",
  "validated",
  "declined",
  "resolved",
  "escalated",
  "confirmed",
] as const;

/** Record keys are 0…KEY_SPACE-1; cell key sums are kept modulo KEY_SPACE (dashboard/disclosure.ts). */
export const KEY_SPACE = 65_536;
/** Per counter, the sum of the record keys of the reports it counts (`key_total` for `total`, …). */
export const CELL_KEY_SUMS = CELL_COUNTERS.map((c) => `key_${c}` as const);

/** Which reports each counter counts. */
const COUNTED: [(typeof CELL_COUNTERS)[number], string][] = [
  ["total", "true"],
  ["pending", "s.status = 'submitted'"],
  ["validated", validated],
  ["declined", "s.status = 'declined'"],
  ["resolved", resolved],
  ["escalated", "s.status = 'escalated'"],
  ["confirmed", `${resolved} AND s.reporter_confirmed IS TRUE`],
];

const BREAKDOWNS: Record<string, string> = {
  all: "SELECT 'all' AS dim, '' AS value",
  gender: "SELECT 'gender', s.gender",
  age_group: "SELECT 'age_group', s.age_group",
  channel: "SELECT 'channel', s.channel",
  key_population: `SELECT 'key_population', x.v FROM ${valuesOf("key_populations")}`,
  challenge_type: `SELECT 'challenge_type', x.v FROM ${valuesOf("challenge_types")}`,
  decline_reason: "SELECT 'decline_reason', coalesce(s.decline_reason, 'other') WHERE s.status = 'declined'",
  assisted_by: "SELECT 'assisted_by', coalesce(s.assistant_kind, 'none')",
  // Only reports a staff account assisted: the rows per peer supporter sum to their assisted reports.
  assistant: "SELECT 'assistant', s.assisted_by::text WHERE s.assisted_by IS NOT NULL",
};
const GRAINS = [
  `SELECT 0::smallint AS grain, '${ZERO_UUID}'::uuid AS facility_id`,
  "SELECT 1::smallint, s.facility_id WHERE s.facility_id IS NOT NULL",
];

export type DateBasis = "reported" | "validated";

/**
 * The cells' `dim` of a breakdown on a date basis. Cells by month of validation are the same breakdowns under
 * `validated:<dim>` (`validated:all`, `validated:gender`, …), so they share the table, its key and its roll-up; only
 * validated reports have them.
 */
export const storedDim = (dim: string, basis: DateBasis) => (basis === "validated" ? `validated:${dim}` : dim);

/** The column that places a report in time on a date basis. */
export const dateColumn = (basis: DateBasis) => (basis === "validated" ? "validated_at" : "created_at");

/**
 * One row per (report, grain, breakdown value) with signed counters; columns CELL_KEY + CELL_COUNTERS. `only` limits
 * the rows to one breakdown and the grains read (a query counting partial months needs no others, and computing them
 * all would be most of its cost). On the `validated` basis, the month is the month of validation and only validated
 * reports count.
 */
export function cellRowsSql(
  source: string,
  only?: { dim: string; grains: readonly (0 | 1)[] },
  basis: DateBasis = "reported",
): string {
  const dims = only ? [BREAKDOWNS[only.dim] ?? BREAKDOWNS.all] : Object.values(BREAKDOWNS);
  const grains = only ? only.grains.map((g) => GRAINS[g]) : GRAINS;
  const dim = basis === "validated" ? "'validated:' || d.dim" : "d.dim";
  return `SELECT ${dim} AS dim, g.grain, ${monthOf(dateColumn(basis))} AS month, s.district_id, g.facility_id,
      s.category_code, s.subcategory_code, s.reporter_mode, d.value, ${region} AS region_id,
      s.consent_share_deidentified AS publishable,
      ${COUNTED.map(([c, cond]) => `${when(cond)} AS ${c}`).join(", ")},
      ${COUNTED.map(([c, cond]) => `${when(cond, "s.sign * s.record_key")} AS key_${c}`).join(", ")}
    FROM ${source} s
    CROSS JOIN LATERAL (${grains.join(" UNION ALL ")}) g(grain, facility_id)
    CROSS JOIN LATERAL (${dims.join(" UNION ALL ")}) d(dim, value)
    ${basis === "validated" ? `WHERE s.validated_at IS NOT NULL AND ${validated}` : ""}`;
}

/** Every cell row a report contributes: by month reported, and (validated reports) by month of validation. */
export function allCellRowsSql(source: string): string {
  return `${cellRowsSql(source)} UNION ALL ${cellRowsSql(source, undefined, "validated")}`;
}

export const DURATION_KEY = [
  "kind",
  "month",
  "district_id",
  "category_code",
  "reporter_mode",
  "hours",
  "region_id",
  "publishable",
];
export const DURATION_KINDS = ["first_response", "validation", "resolution"] as const;
export type DurationKind = (typeof DURATION_KINDS)[number];

/**
 * Hours are kept at a resolution that keeps the histogram small: whole hours below 3 days, whole days below 60 days,
 * whole weeks beyond. Medians are exact at this resolution (see durationBucket for the same rule in TypeScript).
 */
const bucket = (h: string) =>
  `CASE WHEN ${h} < 72 THEN ${h} WHEN ${h} < 1440 THEN ${h} / 24 * 24 ELSE ${h} / 168 * 168 END`;

/** Duration rows with this category are the country-wide roll-up (any place, category and reporter mode). */
export const ROLLUP = "*";

/**
 * One row per (report, duration kind) with the bucketed hours and a signed count `n` — twice: once with its place,
 * category and reporter mode, once in the country-wide roll-up (ROLLUP), which keeps unfiltered medians to a few
 * thousand histogram rows a year.
 */
export function durationRowsSql(source: string): string {
  const hours = "greatest(0, floor(extract(epoch FROM (k.at - s.created_at)) / 3600))::int";
  const pick = (col: string, rolled: string) => `CASE WHEN u.rollup THEN ${rolled} ELSE ${col} END`;
  return `SELECT k.kind, ${month} AS month, ${pick("s.district_id", `'${ZERO_UUID}'::uuid`)} AS district_id,
      ${pick("s.category_code", `'${ROLLUP}'`)} AS category_code, ${pick("s.reporter_mode", `'${ROLLUP}'`)} AS reporter_mode,
      ${bucket(hours)} AS hours, ${pick(region, `'${ZERO_UUID}'::uuid`)} AS region_id,
      s.consent_share_deidentified AS publishable, s.sign AS n
    FROM ${source} s
    CROSS JOIN LATERAL (
      SELECT 'first_response' AS kind, s.first_response_at AS at WHERE s.first_response_at IS NOT NULL
      UNION ALL SELECT 'validation', s.validated_at WHERE s.validated_at IS NOT NULL AND ${validated}
      UNION ALL SELECT 'resolution', s.resolved_at WHERE ${resolved}
    ) k
    CROSS JOIN (VALUES (false), (true)) u(rollup)`;
}

/** The TypeScript twin of the SQL bucket rule, for tests and documentation. */
export function durationBucket(hours: number): number {
  const h = Math.max(0, Math.floor(hours));
  if (h < 72) return h;
  if (h < 1440) return Math.floor(h / 24) * 24;
  return Math.floor(h / 168) * 168;
}

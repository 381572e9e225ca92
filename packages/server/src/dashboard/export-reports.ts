import crypto from "node:crypto";
import { Readable } from "node:stream";
import { durationBands, type ExportReportsQuery, exportReportColumns } from "@openclm/contracts";
import { stringify } from "csv-stringify";
import { type SQL, sql } from "drizzle-orm";
import { auditAlone } from "../audit/audit.service.js";
import { type Db, queryRows } from "../db/database.js";
import { actorScope, readableSql } from "../identity/scope.js";
import type { Ctx } from "../platform/context.js";
import { getSetting } from "../platform/platform.repo.js";
import { LIVE_REPORTS_SQL, refuseTrainee } from "../reports/training.js";
import { anonymise, type KAnonymitySummary } from "./k-anonymity.js";

const PAGE = 2_000;
const DAY = 86_400_000;

type ExportRow = Record<(typeof exportReportColumns)[number], string | number | boolean | null>;

/** k for the export's k-anonymity (setting `export.kAnonymity`). */
export const DEFAULT_K = 5;

/**
 * `exportReports`: the reports made in the period within the caller's scope whose authors agreed to share them
 * de-identified, de-identified in fact (docs/disclosure-control.md §6): no internal id (rows are shuffled and numbered
 * per export), months not dates, times in bands, no free text, and the quasi-identifiers generalised until every
 * combination occurs at least k times. The first line is a comment (`#`) saying what was generalised. k-anonymity
 * needs the whole set, so the rows are read page by page and written once.
 */
export async function exportReports(ctx: Ctx, query: ExportReportsQuery): Promise<Readable> {
  refuseTrainee(ctx.actor);
  const where = await exportWhere(ctx, query);
  const k = (await getSetting<number>(ctx.db, "export.kAnonymity")) ?? DEFAULT_K;
  const all: ExportRow[] = [];
  // From the primary, never a replica: a report whose consent was just withdrawn must not be in the next export.
  for await (const row of pagesOf(ctx.db, where)) all.push(row);
  const { rows, summary } = anonymise(all as (ExportRow & Parameters<typeof anonymise>[0][number])[], k);
  shuffle(rows).forEach((r, i) => {
    r.row = i + 1;
  });
  await auditAlone(ctx, {
    action: "reports.export",
    entity: "report",
    entityId: null,
    details: {
      from: query.from,
      to: query.to,
      areaId: query.areaId ?? null,
      categoryCode: query.categoryCode ?? null,
      ...summary,
    },
  });
  const csv = stringify({ header: true, columns: [...exportReportColumns] });
  return Readable.from(withComment(summaryLine(summary), Readable.from(rows).pipe(csv)));
}

async function* withComment(line: string, body: AsyncIterable<unknown>): AsyncGenerator<string | Buffer> {
  yield `${line}\n`;
  for await (const chunk of body) yield chunk as Buffer;
}

/** `# k=5; rows=812; withheld=0; generalised: facility_blanked=40, …` */
export function summaryLine(s: KAnonymitySummary): string {
  const steps = Object.entries(s.generalised).map(([name, n]) => `${name}=${n}`);
  return `# k=${s.k}; rows=${s.rows}; withheld=${s.withheld}; generalised: ${steps.join(", ") || "none"}`;
}

/** Fisher–Yates with the CSPRNG: the order (and so the row number) says nothing about when a report came. */
function shuffle<T>(rows: T[]): T[] {
  for (let i = rows.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [rows[i], rows[j]] = [rows[j] as T, rows[i] as T];
  }
  return rows;
}

async function* pagesOf(db: Db, where: SQL): AsyncGenerator<ExportRow> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const keyset: SQL = after ? sql`AND (r.created_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`
        SELECT r.id, r.created_at, reg.code AS region_code, d.code AS district_code,
          f.code AS facility_code, r.category_code, r.subcategory_code, r.challenge_types, r.channel, r.reporter_mode,
          r.assistant_kind, r.gender, r.age_group, r.key_populations, r.status, r.decline_reason, r.validated_at, r.first_response_at,
          r.resolved_at, r.reporter_confirmed
        FROM ${sql.raw(LIVE_REPORTS_SQL)} r
        JOIN areas d ON d.id = r.district_id
        LEFT JOIN areas reg ON reg.id = r.region_id
        LEFT JOIN facilities f ON f.id = r.facility_id
        WHERE ${where} ${keyset}
        ORDER BY r.created_at, r.id
        LIMIT ${PAGE}`,
    );
    for (const row of rows) yield toExportRow(row);
    const last: Record<string, unknown> | undefined = rows.at(-1);
    if (rows.length < PAGE || !last) return;
    after = { at: new Date(last.created_at as string).toISOString(), id: String(last.id) };
  }
}

async function exportWhere(ctx: Ctx, q: ExportReportsQuery) {
  const from = new Date(`${q.from}T00:00:00Z`);
  const until = new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY);
  const scope = await actorScope(ctx);
  // Only what the reporter agreed to share de-identified leaves the programme (consent.shareDeidentified).
  const parts = [sql`r.created_at >= ${from} AND r.created_at < ${until}`, sql`r.consent_share_deidentified`];
  if (scope.type !== "country")
    parts.push(readableSql(scope, { district: sql.raw("r.district_id"), facility: sql.raw("r.facility_id") }));
  if (q.areaId)
    parts.push(
      sql`(r.district_id = ${q.areaId} OR r.district_id IN (SELECT id FROM areas WHERE ${q.areaId} = ANY(ancestor_ids)))`,
    );
  if (q.categoryCode) parts.push(sql`r.category_code = ${q.categoryCode}`);
  return sql.join(parts, sql` AND `);
}

/** The band of the time from the report to an event, or "" when it has not happened. */
function band(from: unknown, to: unknown): string {
  if (!to) return "";
  const days = (new Date(to as string).getTime() - new Date(from as string).getTime()) / DAY;
  const [under1, to2, to7, to30, over30] = durationBands;
  if (days < 1) return under1;
  if (days < 3) return to2;
  if (days < 8) return to7;
  if (days < 31) return to30;
  return over30;
}

function toExportRow(r: Record<string, unknown>): ExportRow {
  return {
    row: 0,
    period: new Date(r.created_at as string).toISOString().slice(0, 7),
    region_code: (r.region_code as string | null) ?? "",
    district_code: String(r.district_code),
    facility_code: (r.facility_code as string | null) ?? "",
    category: String(r.category_code),
    subcategory: String(r.subcategory_code),
    challenge_types: (r.challenge_types as string[]).join(";"),
    channel: String(r.channel),
    reporter_mode: String(r.reporter_mode),
    assisted_by: (r.assistant_kind as string | null) ?? "",
    gender: String(r.gender),
    age_group: String(r.age_group),
    key_populations: [...(r.key_populations as string[])].sort().join(";"),
    status: String(r.status),
    decline_reason: (r.decline_reason as string | null) ?? "",
    time_to_validation: band(r.created_at, r.validated_at),
    time_to_first_response: band(r.created_at, r.first_response_at),
    time_to_resolution: band(r.created_at, r.resolved_at),
    reporter_confirmed: r.reporter_confirmed === null ? "" : Boolean(r.reporter_confirmed),
  };
}

import { Readable } from "node:stream";
import { type ExportReportsQuery, exportReportColumns } from "@openclm/contracts";
import { stringify } from "csv-stringify";
import { type SQL, sql } from "drizzle-orm";
import { auditAlone } from "../audit/audit.service.js";
import { type Db, queryRows } from "../db/database.js";
import { actorScope, readableSql } from "../identity/scope.js";
import type { Ctx } from "../platform/context.js";

const PAGE = 2_000;
const DAY = 86_400_000;

type ExportRow = Record<(typeof exportReportColumns)[number], string | number | boolean | null>;

/**
 * `exportReports`: one de-identified row per report made in the period within the caller's scope — codes, dates and
 * durations only; never phone, text, names, tracking codes (they open the reporter's conversation) or coordinates.
 * Streams page by page along the (created_at, id) index, so memory stays flat at a million rows.
 */
export async function exportReports(ctx: Ctx, query: ExportReportsQuery): Promise<Readable> {
  const where = await exportWhere(ctx, query);
  await auditAlone(ctx, {
    action: "reports.export",
    entity: "report",
    entityId: null,
    details: { from: query.from, to: query.to, areaId: query.areaId ?? null, categoryCode: query.categoryCode ?? null },
  });
  const pages = pagesOf(ctx.db, where);
  return Readable.from(pages).pipe(stringify({ header: true, columns: [...exportReportColumns] }));
}

async function* pagesOf(db: Db, where: SQL): AsyncGenerator<ExportRow> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const keyset: SQL = after ? sql`AND (r.created_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``;
    const rows = await queryRows<Record<string, unknown>>(
      db,
      sql`
        SELECT r.id, r.created_at, r.occurred_on, reg.code AS region_code, d.code AS district_code,
          f.code AS facility_code, r.category_code, r.subcategory_code, r.challenge_types, r.channel, r.reporter_mode,
          r.gender, r.age_group, r.key_populations, r.status, r.decline_reason, r.validated_at, r.first_response_at,
          r.resolved_at, r.reporter_confirmed
        FROM reports r
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
  const parts = [sql`r.created_at >= ${from} AND r.created_at < ${until}`];
  if (scope.type !== "country")
    parts.push(readableSql(scope, { district: sql.raw("r.district_id"), facility: sql.raw("r.facility_id") }));
  if (q.areaId)
    parts.push(
      sql`(r.district_id = ${q.areaId} OR r.district_id IN (SELECT id FROM areas WHERE ${q.areaId} = ANY(ancestor_ids)))`,
    );
  if (q.categoryCode) parts.push(sql`r.category_code = ${q.categoryCode}`);
  return sql.join(parts, sql` AND `);
}

const hoursBetween = (from: unknown, to: unknown) =>
  to
    ? Math.max(0, Math.floor((new Date(to as string).getTime() - new Date(from as string).getTime()) / 3_600_000))
    : null;

function toExportRow(r: Record<string, unknown>): ExportRow {
  const created = new Date(r.created_at as string).toISOString();
  return {
    report_id: String(r.id),
    created_date: created.slice(0, 10),
    month: created.slice(0, 7),
    occurred_on:
      typeof r.occurred_on === "string" ? r.occurred_on : new Date(r.occurred_on as Date).toISOString().slice(0, 10),
    region_code: (r.region_code as string | null) ?? "",
    district_code: String(r.district_code),
    facility_code: (r.facility_code as string | null) ?? "",
    category: String(r.category_code),
    subcategory: String(r.subcategory_code),
    challenge_types: (r.challenge_types as string[]).join(";"),
    channel: String(r.channel),
    reporter_mode: String(r.reporter_mode),
    gender: String(r.gender),
    age_group: String(r.age_group),
    key_populations: (r.key_populations as string[]).join(";"),
    status: String(r.status),
    decline_reason: (r.decline_reason as string | null) ?? "",
    hours_to_validation: hoursBetween(r.created_at, r.validated_at),
    hours_to_first_response: hoursBetween(r.created_at, r.first_response_at),
    hours_to_resolution: hoursBetween(r.created_at, r.resolved_at),
    reporter_confirmed: r.reporter_confirmed === null ? "" : Boolean(r.reporter_confirmed),
  };
}

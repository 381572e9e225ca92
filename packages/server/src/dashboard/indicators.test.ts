import assert from "node:assert/strict";
import crypto from "node:crypto";
import { once } from "node:events";
import { after, before, describe, test } from "node:test";
import { exportReportColumns } from "@openclm/contracts";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "../db/database.js";
import type { ReadReplica } from "../db/read-replica.js";
import { mulberry32 } from "../demo/grid-geometry.js";
import { submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { createSeededDatabase } from "../testing/test-templates.js";
import { aggregatorEvents } from "./aggregator.js";
import { drawRecordKeys } from "./differencing-attack.js";
import { noiseBound, perturb } from "./disclosure.js";
import { QUASI_IDENTIFIERS } from "./k-anonymity.js";

/** A rights.privacy report with no challenge types (submitReport fills in the rest). */
const PRIVACY_REPORT = { categoryCode: "rights", subcategoryCode: "rights.privacy", challengeTypes: [] };

type Row = { dimensions: Record<string, string>; metrics: Record<string, number | null>; suppressed?: boolean };

const YEAR = { from: "2025-11-01", to: "2026-12-31" };
/** Published answers cover one calendar month, quarter or year (PERIOD_NOT_CALENDAR otherwise). */
const CALENDAR_YEAR = { from: "2026-01-01", to: "2026-12-31" };

describe("accountability dashboard", () => {
  let t: TestApp;
  let analyst: string;
  let dm: string;
  let districtA: string;

  before(async () => {
    t = await createTestApp();
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    districtA = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0] ?? "";
  });
  after(async () => t.close());

  async function indicators(body: Record<string, unknown>, cookie = analyst, url = "/api/dashboard/indicators") {
    const res = await t.app.inject({ method: "POST", url, headers: cookie ? { cookie } : {}, payload: body });
    return {
      status: res.statusCode,
      json: res.json() as { rows: Row[]; labels: Record<string, Record<string, string>> },
    };
  }

  async function exportCsv(query: string, cookie = analyst) {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/dashboard/reports/export?${query}`,
      headers: { cookie },
    });
    assert.equal(res.statusCode, 200, res.body);
    const withheld = Number(/withheld=(\d+)/.exec(res.body.split("\n")[0] ?? "")?.[1]);
    const rows = parse(res.body, { columns: true, comment: "#" }) as Record<string, string>[];
    return { body: res.body, rows, withheld };
  }

  /** The reports of a period straight from the table (an independent recount of what the export generalises). */
  async function reportsOf(period: { from: string; to: string }) {
    return t.database.rows<{ month: string; challenge_types: string[]; district_id: string }>(sql`
      SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, challenge_types, district_id FROM reports
       WHERE created_at >= ${period.from}::date AND created_at < ${period.to}::date + 1`);
  }

  test("publishable indicators equal the de-identified export, category by category", async () => {
    const { json } = await indicators({
      metrics: ["reports_total", "reports_declined"],
      dimensions: ["category"],
      population: "publishable",
      ...YEAR,
    });
    const { rows, withheld } = await exportCsv(`from=${YEAR.from}&to=${YEAR.to}`);
    assert.equal(withheld, 0, "the demo needs no row left out for k-anonymity");
    assert.ok(rows.length > 1000, "the demo history is in the export");
    for (const row of json.rows) {
      const category = row.dimensions.category;
      const inExport = rows.filter((r) => r.category === category);
      assert.equal(row.metrics.reports_total, inExport.length, `total for ${category}`);
      assert.equal(row.metrics.reports_declined, inExport.filter((r) => r.status === "declined").length);
    }
    assert.equal(
      json.rows.reduce((s, r) => s + (r.metrics.reports_total ?? 0), 0),
      rows.length,
      "every exported report is counted once",
    );
    assert.ok(json.labels.category?.rights, "categories carry display names");
    const all = await indicators({ metrics: ["reports_total"], ...YEAR });
    assert.ok(
      (all.json.rows[0]?.metrics.reports_total ?? 0) > rows.length,
      "reports not shared de-identified are counted by staff but not exported",
    );
  });

  test("the export is k-anonymous on the demo data: no internal ids, no dates, every combination at least 5 times", async () => {
    const { body, rows } = await exportCsv(`from=${YEAR.from}&to=${YEAR.to}`);
    assert.match(body.split("\n")[0] ?? "", /^# k=5; rows=\d+; withheld=\d+; generalised: /);
    const combos = new Map<string, number>();
    for (const r of rows) {
      const key = QUASI_IDENTIFIERS.map((q) => r[q]).join("|");
      combos.set(key, (combos.get(key) ?? 0) + 1);
      assert.match(r.period ?? "", /^(\d{4}(-\d{2}|-Q[1-4])?)?$/, "a month, quarter or year, never a day");
    }
    for (const [key, n] of combos) assert.ok(n >= 5, `${key} occurs ${n} times`);
    const numbers = rows.map((r) => Number(r.row)).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      rows.map((_, i) => i + 1),
      "rows numbered 1…n in a shuffled order",
    );
    const ids = await t.database.rows<{ id: string }>(sql`SELECT id::text FROM reports LIMIT 50`);
    assert.ok(
      ids.every(({ id }) => !body.includes(id)),
      "no report id",
    );
  });

  test("the aggregates are read from a fresh read replica; a lagging or silent one sends reads back to the primary", async () => {
    const total = async () =>
      (await indicators({ metrics: ["reports_total"], ...YEAR })).json.rows[0]?.metrics.reports_total ?? 0;
    const onPrimary = await total();
    assert.ok(onPrimary > 0);
    // A database without Demoland's reports stands in for the replica, so where an answer came from shows.
    const standIn = await createSeededDatabase("defaults");
    const replica = (lag: () => Promise<number>): ReadReplica => ({
      db: standIn.database.db,
      lagSeconds: lag,
      close: async () => {},
    });
    try {
      t.database.replica = replica(async () => 0);
      assert.equal(await total(), 0, "caught up: read on the replica");
      t.database.replica = replica(async () => t.config.replicaMaxLagSeconds + 1);
      assert.equal(await total(), onPrimary, "too far behind: read on the primary");
      t.database.replica = replica(async () => {
        throw new Error("connection refused");
      });
      assert.equal(await total(), onPrimary, "not answering: read on the primary");
      // Fresh by its last check, then restarted: its queries fail (nothing listens on port 1) and the same read runs
      // on the primary instead of answering 500.
      const gone = new pg.Pool({
        connectionString: "postgres://postgres@127.0.0.1:1/none",
        connectionTimeoutMillis: 500,
      });
      gone.on("error", () => {});
      t.database.replica = {
        db: drizzlePg({ client: gone }) as unknown as Db,
        lagSeconds: async () => 0,
        close: async () => {},
      };
      assert.equal(await total(), onPrimary, "failing mid-read: read again on the primary");
      await gone.end();
    } finally {
      t.database.replica = undefined;
      await standIn.database.close();
    }
  });

  test("withdrawing consent to share takes the report out of what is published at once; staff still count it", async () => {
    const sent = await submitReport(t, districtA, {
      ...PRIVACY_REPORT,
      keyPopulations: ["migrant", "urban_poor"],
      consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories: false },
    });
    const count = async (population: string) =>
      (await indicators({ metrics: ["reports_total"], ...YEAR, population })).json.rows[0]?.metrics.reports_total ?? 0;
    const withheld = async () =>
      ((await indicators({ metrics: ["reports_total"], ...YEAR })).json as unknown as { withheld: number }).withheld;
    const before = { all: await count("all"), shared: await count("publishable"), withheld: await withheld() };
    const exported = await exportCsv(`from=${YEAR.from}&to=${YEAR.to}`);
    const revoke = await t.app.inject({
      method: "POST",
      url: `/api/reports/track/${sent.code}/consent`,
      payload: { contactMe: false, shareDeidentified: false, useInAdvocacyStories: false },
    });
    assert.equal(revoke.statusCode, 200, revoke.body);
    assert.equal(await count("all"), before.all, "staff still count it");
    assert.equal(await count("publishable"), before.shared - 1, "no longer publishable");
    assert.equal(await withheld(), before.withheld + 1, "shown to staff as withheld from publication");
    // A report with two key populations sits in two rows of that breakdown, and in no row outside a top 1: it is
    // still one report withheld.
    for (const extra of [
      { dimensions: ["key_population"] },
      { dimensions: ["category"], top: { n: 1, by: "reports_total" } },
    ]) {
      const res = await indicators({ metrics: ["reports_total"], ...YEAR, ...extra });
      assert.equal((res.json as unknown as { withheld: number }).withheld, before.withheld + 1, JSON.stringify(extra));
    }
    const again = await exportCsv(`from=${YEAR.from}&to=${YEAR.to}`);
    assert.equal(
      again.rows.length + again.withheld,
      exported.rows.length + exported.withheld - 1,
      "the next export leaves it out",
    );
  });

  test("the export carries no personal data and only its documented columns", async () => {
    const phone = "+99955501234";
    const description = `Nurse shouted my diagnosis ${crypto.randomUUID()}`;
    const sent = await submitReport(t, districtA, {
      ...PRIVACY_REPORT,
      description,
      contact: { phone },
      consent: { contactMe: true, shareDeidentified: true, useInAdvocacyStories: false },
    });
    const today = new Date().toISOString().slice(0, 10);
    const { body } = await exportCsv(`from=${today}&to=${today}`);
    assert.deepEqual(body.split("\n")[1]?.split(","), [...exportReportColumns]);
    assert.ok(!body.includes("55501234"), "no phone");
    assert.ok(!body.includes(description.slice(-20)), "no free text");
    assert.ok(!body.includes(sent.code), "no tracking code");
  });

  // The timeout only ends a run whose aggregator never comes (a failure either way); nothing is timed.
  test("a validation moves the validated count at once, and the aggregator catches up by itself", {
    timeout: 60_000,
  }, async () => {
    const body = {
      metrics: ["reports_total", "reports_validated"],
      filters: [["is", "district", [districtA]]],
      ...YEAR,
    };
    const before = (await indicators(body)).json.rows[0]?.metrics ?? {};
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "sms",
        reporterMode: "self",
        categoryCode: "health_services",
        subcategoryCode: "health_services.availability",
        challengeTypes: [],
        districtId: districtA,
      },
    });
    const code = sent.json().trackingCode as string;
    const list = await t.app.inject({ method: "GET", url: `/api/inbox/reports?q=${code}`, headers: { cookie: dm } });
    const id = list.json().items[0].id as string;
    const decided = await t.app.inject({
      method: "POST",
      url: `/api/inbox/reports/${id}/decision`,
      headers: { cookie: dm },
      payload: { decision: "validate" },
    });
    assert.equal(decided.statusCode, 200, decided.body);
    // Without any query, the background aggregator empties the queue of changes: wait for its runs, not on a clock
    // (the change announced on commit brings a run about a second later).
    const dirty = async () =>
      (await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM indicator_dirty`))[0]?.n;
    for (;;) {
      const ran = once(aggregatorEvents, "ran"); // listening before looking, so no run is missed
      if ((await dirty()) === 0) break;
      await ran;
    }
    assert.equal(await dirty(), 0, "the aggregator emptied the queue by itself");
    const afterward = (await indicators(body)).json.rows[0]?.metrics ?? {};
    assert.equal(afterward.reports_total, (before.reports_total ?? 0) + 1);
    assert.equal(afterward.reports_validated, (before.reports_validated ?? 0) + 1);
  });

  test("trends have at least three monthly and quarterly periods", async () => {
    for (const dimension of ["month", "quarter"]) {
      const { json } = await indicators({
        metrics: ["reports_total", "pct_resolved"],
        dimensions: [dimension],
        ...YEAR,
      });
      assert.ok(json.rows.length >= 3, `${dimension}: ${json.rows.length} periods`);
      const periods = json.rows.map((r) => r.dimensions[dimension] ?? "");
      assert.deepEqual(periods, [...periods].sort(), "in time order");
    }
  });

  test("medians, percentages and per-1,000 rates come with the counts they rest on", async () => {
    const { status, json } = await indicators({
      metrics: [
        "reports_validated",
        "reports_resolved",
        "pct_resolved",
        "median_hours_to_resolution",
        "per_1000_affected",
      ],
      dimensions: ["region"],
      ...YEAR,
    });
    assert.equal(status, 200);
    for (const row of json.rows) {
      const { reports_validated: v, reports_resolved: r, pct_resolved: p } = row.metrics;
      assert.equal(p, Math.round(((r ?? 0) / (v ?? 1)) * 1000) / 10);
      assert.ok((row.metrics.median_hours_to_resolution ?? -1) >= 0);
      assert.ok((row.metrics.per_1000_affected ?? 0) > 0, "demo districts have populations");
    }
  });

  test("a data manager sees only the districts of their region; the export is scoped the same way", async () => {
    const body = { metrics: ["reports_total"], dimensions: ["district"], ...YEAR, population: "publishable" };
    const { json } = await indicators(body, dm);
    const scope = account(t.demoAccounts, "data_manager").scope.districtIds;
    assert.ok(json.rows.length > 0);
    for (const row of json.rows) assert.ok(scope.includes(row.dimensions.district ?? ""), "in scope");
    const { rows, withheld } = await exportCsv(`from=${YEAR.from}&to=${YEAR.to}`, dm);
    const total = json.rows.reduce((s, r) => s + (r.metrics.reports_total ?? 0), 0);
    assert.equal(rows.length + withheld, total);
  });

  test("staff scoped to a district and a facility elsewhere count exactly those reports, not the facility's district", async () => {
    // A window that starts and ends inside months, so part months are counted too.
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const window = { from: day(200), to: day(30) };
    const inWindow = sql`r.created_at >= ${window.from}::date AND r.created_at < ${window.to}::date`;
    const [pick] = await t.database.rows<{ area: string; facility: string; around: string }>(sql`
      WITH a AS (SELECT id FROM areas WHERE is_leaf
                  AND EXISTS (SELECT 1 FROM reports r WHERE r.district_id = areas.id AND ${inWindow})
                  ORDER BY code LIMIT 1)
      SELECT a.id AS area, f.id AS facility, f.district_id AS around FROM facilities f, a
       WHERE f.district_id <> a.id
         AND EXISTS (SELECT 1 FROM reports r WHERE r.facility_id = f.id AND ${inWindow})
         AND EXISTS (SELECT 1 FROM reports r WHERE r.district_id = f.district_id
                        AND r.facility_id IS DISTINCT FROM f.id AND ${inWindow})
       ORDER BY f.id LIMIT 1`);
    assert.ok(pick, "the demo history has reports at a facility and elsewhere in its district");
    const admin = account(t.demoAccounts, "country_admin");
    await t.database.db.execute(sql`
      UPDATE staff_users SET scope_area_ids = ARRAY[${pick.area}]::uuid[], scope_facility_ids = ARRAY[${pick.facility}]::uuid[]
       WHERE email = ${admin.email}`);
    const mixed = await signInAs(t.app, admin);

    // Whole months come from the aggregates, part months from the reports themselves: both follow the scope.
    for (const period of [YEAR, window]) {
      const body = { metrics: ["reports_total"], dimensions: ["district"], ...period };
      const scoped = await indicators(body, mixed);
      assert.equal(scoped.status, 200);
      const recount: { area: number; facility: number }[] = await t.database.rows(sql`
        SELECT count(*) FILTER (WHERE district_id = ${pick.area})::int AS area,
               count(*) FILTER (WHERE facility_id = ${pick.facility} AND district_id <> ${pick.area})::int AS facility
          FROM reports WHERE created_at >= ${period.from}::date AND created_at < ${period.to}::date + 1`);
      const counted = recount[0];
      const byDistrict = new Map(scoped.json.rows.map((r) => [r.dimensions.district, r.metrics.reports_total]));
      assert.deepEqual([...byDistrict.keys()].sort(), [pick.area, pick.around].sort(), "only the two districts");
      assert.equal(byDistrict.get(pick.area), counted?.area);
      const atFacility = { length: counted?.facility ?? 0 };
      assert.ok(atFacility.length > 0);
      assert.equal(byDistrict.get(pick.around), atFacility.length, "the facility's reports, recounted");
      const whole = (await indicators({ ...body, filters: [["is", "district", [pick.around]]] })).json.rows[0];
      assert.ok(
        (whole?.metrics.reports_total ?? 0) > atFacility.length,
        "the rest of the facility's district stays out of the count",
      );
    }
  });

  test("analysts cannot reach the inbox; anonymous callers only the public view", async () => {
    const inbox = await t.app.inject({ method: "GET", url: "/api/inbox/reports", headers: { cookie: analyst } });
    assert.equal(inbox.statusCode, 403);
    const anonymous = await indicators({ metrics: ["reports_total"], ...YEAR }, "");
    assert.equal(anonymous.status, 401);
    const pub = await indicators(
      { metrics: ["reports_total"], dimensions: ["category"], ...CALENDAR_YEAR },
      "",
      "/api/public/indicators",
    );
    assert.equal(pub.status, 200);
  });

  test("the public view publishes shared reports only, perturbed, and hides small cells (stricter for rights)", async () => {
    const body = { metrics: ["reports_total"], dimensions: ["facility", "gender"], ...CALENDAR_YEAR };
    const pub = await indicators(body, "", "/api/public/indicators");
    const staff = await indicators({ ...body, population: "publishable" });
    const truth = new Map(
      staff.json.rows.map((r) => [`${r.dimensions.facility}|${r.dimensions.gender}`, r.metrics.reports_total]),
    );
    const hidden = pub.json.rows.filter((r) => r.suppressed);
    assert.ok(hidden.length > 0, "facility × gender has small cells in the demo");
    for (const row of pub.json.rows) {
      const actual = truth.get(`${row.dimensions.facility}|${row.dimensions.gender}`) ?? 0;
      const shown = row.metrics.reports_total;
      if (row.suppressed) assert.equal(shown, null);
      else
        assert.ok(
          shown !== null && shown !== undefined && shown >= 5 && Math.abs(shown - actual) <= noiseBound(actual),
        );
      if (actual > 0 && actual + noiseBound(actual) < 5) assert.equal(row.suppressed, true, "every small cell hidden");
    }
    const rights = await indicators(
      {
        metrics: ["reports_total"],
        dimensions: ["district"],
        filters: [["is", "category", ["rights"]]],
        ...CALENDAR_YEAR,
      },
      "",
      "/api/public/indicators",
    );
    for (const row of rights.json.rows) {
      if (!row.suppressed) assert.ok((row.metrics.reports_total ?? 0) >= 10, "rights cells need 10");
    }
  });

  test("a published count is never blanked because a small count sits beside it: it reads as when asked alone", async () => {
    // Whether a small resolved count is hidden depends on the record keys (perturbation): one fixed draw, so that some
    // facility always has a large total beside a hidden resolved count.
    await drawRecordKeys(t.database, mulberry32(20_261_203));
    const both = { metrics: ["reports_total", "reports_resolved"], dimensions: ["facility"], ...CALENDAR_YEAR };
    const pub = await indicators(both, "", "/api/public/indicators");
    const alone = await indicators({ ...both, metrics: ["reports_total"] }, "", "/api/public/indicators");
    const totalAlone = new Map(alone.json.rows.map((r) => [r.dimensions.facility, r.metrics.reports_total]));
    const mixed = pub.json.rows.filter((r) => r.metrics.reports_resolved === null && r.metrics.reports_total !== null);
    assert.ok(mixed.length > 0, "some facility has a large total beside a small resolved count");
    for (const row of pub.json.rows) {
      assert.equal(row.metrics.reports_total, totalAlone.get(row.dimensions.facility), "same total either way");
      if (row.metrics.reports_resolved === null) assert.equal(row.suppressed, true, "a hidden value marks its row");
    }
  });

  test("top keeps each month's most reported challenge types, as recounted from the reports", async () => {
    const rows = await reportsOf(YEAR);
    const counts = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const byType = counts.get(r.month ?? "") ?? new Map<string, number>();
      const types = r.challenge_types.length ? r.challenge_types : ["none"];
      for (const type of types) byType.set(type, (byType.get(type) ?? 0) + 1);
      counts.set(r.month ?? "", byType);
    }
    const expected = [...counts.entries()]
      .flatMap(([month, byType]) =>
        [...byType.entries()]
          .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
          .slice(0, 2)
          .map(([type, n]) => `${month} ${type} ${n}`),
      )
      .sort();
    const body = { metrics: ["reports_total"], dimensions: ["month", "challenge_type"], ...YEAR };
    const { status, json } = await indicators({ ...body, top: { n: 2, by: "reports_total" } });
    assert.equal(status, 200);
    const answered = json.rows.map(
      (r) => `${r.dimensions.month} ${r.dimensions.challenge_type} ${r.metrics.reports_total}`,
    );
    assert.deepEqual(answered.sort(), expected);
    assert.ok(expected.length >= 24, "two per month over a year");
    const labelled = Object.keys(json.labels.challenge_type ?? {});
    assert.ok(labelled.length <= 2 * counts.size, "labels only for the rows answered");

    const published = { ...body, ...CALENDAR_YEAR };
    const publicTop = await indicators(
      { ...published, top: { n: 1, by: "reports_total" } },
      "",
      "/api/public/indicators",
    );
    const publicAll = await indicators(published, "", "/api/public/indicators");
    for (const row of publicTop.json.rows) {
      const month = publicAll.json.rows.filter((r) => r.dimensions.month === row.dimensions.month);
      const best = Math.max(...month.map((r) => r.metrics.reports_total ?? -1));
      assert.equal(
        row.metrics.reports_total ?? -1,
        best,
        `public top for ${row.dimensions.month} is its highest shown`,
      );
    }
    assert.equal(publicTop.json.rows.length, new Set(publicAll.json.rows.map((r) => r.dimensions.month)).size);
    const noDimension = await indicators({ metrics: ["reports_total"], top: { n: 1, by: "reports_total" }, ...YEAR });
    assert.equal(noDimension.status, 400);
  });

  /** Per district and challenge type: every report, the declined ones, the shared ones and their record keys' sum. */
  async function recount(period: { from: string; to: string }) {
    const reports = await t.database.rows<{
      district_id: string;
      challenge_types: string[];
      status: string;
      shared: boolean;
      record_key: number;
    }>(sql`SELECT district_id, challenge_types, status, consent_share_deidentified AS shared, record_key FROM reports
            WHERE created_at >= ${period.from}::date AND created_at < ${period.to}::date + 1`);
    const cells = new Map<string, { total: number; declined: number; shared: number; key: number }>();
    for (const r of reports) {
      for (const type of r.challenge_types.length ? r.challenge_types : ["none"]) {
        const k = `${r.district_id} ${type}`;
        const c = cells.get(k) ?? { total: 0, declined: 0, shared: 0, key: 0 };
        c.total += 1;
        c.declined += r.status === "declined" ? 1 : 0;
        c.shared += r.shared ? 1 : 0;
        c.key += r.shared ? r.record_key : 0;
        cells.set(k, c);
      }
    }
    return { reports, cells };
  }

  test("a year read from quarterly cells answers exactly the recount: top challenge type per district, public keys", async () => {
    // YEAR is two months (read month by month) and four whole quarters (read from indicator_cells_quarterly).
    const { reports, cells } = await recount(YEAR);
    const dims = ["district", "challenge_type"];
    const key = (r: Row) => `${r.dimensions.district} ${r.dimensions.challenge_type}`;
    const every = await indicators({ metrics: ["reports_total", "reports_declined"], dimensions: dims, ...YEAR });
    assert.equal(every.status, 200);
    const answered = new Map(every.json.rows.map((r) => [key(r), r.metrics]));
    assert.deepEqual([...answered.keys()].sort(), [...cells.keys()].sort());
    for (const [k, c] of cells) {
      assert.deepEqual(answered.get(k), { reports_total: c.total, reports_declined: c.declined }, k);
    }
    const top = await indicators({
      metrics: ["reports_total"],
      dimensions: dims,
      top: { n: 1, by: "reports_total" },
      ...YEAR,
    });
    for (const row of top.json.rows) {
      const ofDistrict = [...cells].filter(([k]) => k.startsWith(`${row.dimensions.district} `));
      assert.equal(row.metrics.reports_total, Math.max(...ofDistrict.map(([, c]) => c.total)), key(row));
    }
    assert.equal(top.json.rows.length, new Set(reports.map((r) => r.district_id)).size);
    // Published: one calendar year (read from quarterly cells only), each cell perturbed by its own key.
    const published = await indicators(
      { metrics: ["reports_total"], dimensions: dims, ...CALENDAR_YEAR },
      "",
      "/api/public/indicators",
    );
    const shown = published.json.rows.filter((r) => !r.suppressed);
    assert.ok(shown.length > 10, "enough published cells to compare");
    const { cells: calendarCells } = await recount(CALENDAR_YEAR);
    for (const row of shown) {
      const c = calendarCells.get(key(row));
      assert.equal(row.metrics.reports_total, perturb(c?.shared ?? 0, (c?.key ?? 0) % 65_536), key(row));
    }
  });

  test("questions the aggregates cannot answer are refused with a clear code", async () => {
    const cases = [
      { metrics: ["reports_total"], dimensions: ["gender", "age_group"], ...YEAR },
      { metrics: ["median_hours_to_resolution"], dimensions: ["gender"], ...YEAR },
      { metrics: ["reports_total"], filters: [["is", "month", ["2026-01"]]], ...YEAR },
      { metrics: ["reports_total"], from: "2026-05-01", to: "2026-01-01" },
      { metrics: ["no_such_metric"], ...YEAR },
    ];
    for (const body of cases) {
      const res = await indicators(body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal((res.json as unknown as { error: { code: string } }).error.code, "VALIDATION_FAILED");
    }
  });

  test("exportIndicators gives the published (disclosure-controlled) query as CSV with names beside ids", async () => {
    const body = { metrics: ["reports_total", "pct_resolved"], dimensions: ["region"], ...CALENDAR_YEAR };
    const res = await t.app.inject({
      method: "POST",
      url: "/api/dashboard/indicators/export",
      headers: { cookie: analyst },
      payload: body,
    });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers["content-type"]), /text\/csv/);
    const rows = parse(res.body, { columns: true }) as Record<string, string>[];
    // The file leaves the programme: it carries what the public view publishes (analysts see the whole country).
    const json = (await indicators(body, "", "/api/public/indicators")).json;
    assert.equal(rows.length, json.rows.length);
    assert.deepEqual(Object.keys(rows[0] ?? {}), ["region", "region_name", "reports_total", "pct_resolved"]);
    assert.equal(Number(rows[0]?.reports_total), json.rows[0]?.metrics.reports_total);
  });
});

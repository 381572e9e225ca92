// npm run bench:dashboard — loads BENCH_REPORTS (default 1,000,000) reports into a throw-away PostgreSQL database,
// builds the indicator aggregates once, and prints p50/p95 of typical dashboard queries beside /api/health, all
// through the full HTTP stack (inject). Budget: p95 ≤ 50 ms.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/app.js";
import { bootstrap } from "../src/bootstrap.js";
import { loadConfig } from "../src/config/config.js";
import { FieldCipher } from "../src/crypto/field-cipher.js";
import { rebuildAggregates } from "../src/dashboard/aggregator.js";
import { type Db, openDatabase } from "../src/db/database.js";
import type { DemoAccount } from "../src/demo/demo-accounts.js";
import { account, signInAs } from "../src/testing/staff-session.js";
import { createBenchDatabase, printTimings, time } from "./bench-support.js";

const total = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 100);

/** BENCH_REUSE=<url of a database kept by BENCH_KEEP=1> measures again without loading (and keeps it). */
const reuse = process.env.BENCH_REUSE;

async function main() {
  const bench = reuse ? { url: reuse, drop: async () => {} } : await createBenchDatabase();
  const config = loadConfig({ NODE_ENV: "test", CLM_DEMO: "1", LOG_LEVEL: "silent", DATABASE_URL: bench.url });
  const database = await openDatabase({ databaseUrl: bench.url, poolSize: 4 });
  try {
    const kept = keptFile(bench.url);
    const saved = reuse ? readKept(kept) : { key: crypto.randomBytes(32).toString("base64"), accounts: [] };
    const cipher = new FieldCipher(Buffer.from(saved.key, "base64"));
    const seeded = (await bootstrap(database, config, { cipher })).demoAccounts;
    const demoAccounts = seeded ?? saved.accounts;
    if (seeded && process.env.BENCH_KEEP === "1")
      fs.writeFileSync(kept, JSON.stringify({ key: saved.key, accounts: seeded }), { mode: 0o600 });
    if (!reuse) await loadAndBuild(database);
    const [size] = await database.rows<{ cells: number; quarterly: number; durations: number }>(sql`SELECT
      (SELECT count(*)::int FROM indicator_cells) AS cells, (SELECT count(*)::int FROM indicator_cells_quarterly) AS quarterly,
      (SELECT count(*)::int FROM indicator_durations) AS durations`);
    say(`aggregates: ${size?.cells} cells, ${size?.quarterly} quarterly cells, ${size?.durations} duration buckets`);

    const app = await buildApp({ config, database, cipher, logger: false });
    await app.ready();
    const analyst = await signInAs(app, account(demoAccounts, "analyst"));
    const dm = await signInAs(app, account(demoAccounts, "data_manager"));
    const post = (cookie: string, url: string, body: Record<string, unknown>) => async () => {
      const res = await app.inject({ method: "POST", url, headers: cookie ? { cookie } : {}, payload: body });
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
      return res;
    };
    const ask = (body: Record<string, unknown>, cookie = analyst) => post(cookie, "/api/dashboard/indicators", body);
    const today = new Date().toISOString().slice(0, 10);
    const lastYear = { from: monthsAgo(11), to: today };
    // Published answers (public, exportIndicators) take whole calendar months: to the end of this month.
    const lastYearMonths = { from: monthsAgo(11), to: dayBefore(monthsAgo(-1)) };
    const top = { n: 1, by: "reports_validated" };
    const counts = ["reports_total", "reports_validated", "reports_declined", "reports_resolved", "pct_resolved"];
    const timings = [
      await time("GET /api/health", runs, async () => app.inject({ method: "GET", url: "/api/health" })),
      await time(
        "headline tiles, 12 months",
        runs,
        ask({ metrics: [...counts, "pct_on_behalf", "pct_confirmed"], ...lastYear }),
      ),
      await time(
        "trend by month, 24 months",
        runs,
        ask({ metrics: counts, dimensions: ["month"], from: monthsAgo(23), to: today }),
      ),
      await time(
        "trend by month of validation, 24 months",
        runs,
        ask({
          metrics: ["reports_validated", "reports_resolved", "pct_resolved"],
          dimensions: ["month"],
          dateBasis: "validated",
          from: monthsAgo(23),
          to: today,
        }),
      ),
      await time(
        "by month of validation, district × quarter, 12 months",
        runs,
        ask({
          metrics: ["reports_validated", "pct_resolved"],
          dimensions: ["district", "quarter"],
          dateBasis: "validated",
          ...lastYear,
        }),
      ),
      await time(
        "category × quarter, 12 months",
        runs,
        ask({ metrics: counts, dimensions: ["category", "quarter"], ...lastYear }),
      ),
      await time("by gender, 12 months", runs, ask({ metrics: counts, dimensions: ["gender"], ...lastYear })),
      await time(
        "by key population × reporter mode",
        runs,
        ask({ metrics: ["reports_total"], dimensions: ["key_population", "reporter_mode"], ...lastYear }),
      ),
      await time(
        "district map: per 1,000 affected",
        runs,
        ask({ metrics: ["reports_validated", "per_1000_affected"], dimensions: ["district"], ...lastYear }),
      ),
      await time("facility table", runs, ask({ metrics: counts, dimensions: ["facility"], ...lastYear })),
      await time(
        "top challenge type per district",
        runs,
        ask({ metrics: ["reports_validated"], dimensions: ["district", "challenge_type"], top, ...lastYear }),
      ),
      await time(
        "top challenge type per facility",
        runs,
        ask({ metrics: ["reports_validated"], dimensions: ["facility", "challenge_type"], top, ...lastYear }),
      ),
      await time(
        "every challenge type × district (1,176 rows)",
        runs,
        ask({ metrics: ["reports_total"], dimensions: ["district", "challenge_type"], ...lastYear }),
      ),
      await time(
        "declined reasons by month",
        runs,
        ask({ metrics: ["reports_declined"], dimensions: ["decline_reason", "month"], ...lastYear }),
      ),
      await time(
        "medians by quarter",
        runs,
        ask({
          metrics: ["median_hours_to_first_response", "median_hours_to_validation", "median_hours_to_resolution"],
          dimensions: ["quarter"],
          ...lastYear,
        }),
      ),
      await time(
        "partial months (15th to 15th) by category",
        runs,
        ask({
          metrics: counts,
          dimensions: ["category"],
          from: `${monthsAgo(6).slice(0, 8)}15`,
          to: `${monthsAgo(0).slice(0, 8)}15`,
        }),
      ),
      await time(
        "data manager (region) by district",
        runs,
        ask({ metrics: counts, dimensions: ["district"], ...lastYear }, dm),
      ),
      await time(
        "public: category × region, perturbed and suppressed",
        runs,
        post("", "/api/public/indicators", { metrics: counts, dimensions: ["category", "region"], ...lastYearMonths }),
      ),
      await time(
        "staff, publishable population, by district",
        runs,
        ask({ metrics: counts, dimensions: ["district"], population: "publishable", ...lastYear }),
      ),
      await time(
        "export CSV of a query (by district × month)",
        runs,
        post(analyst, "/api/dashboard/indicators/export", {
          metrics: counts,
          dimensions: ["district", "month"],
          ...lastYearMonths,
        }),
      ),
    ];
    printTimings(`Dashboard on PostgreSQL, ${total.toLocaleString("en")} reports (budget p95 ≤ 50 ms)`, timings, 50);
    await app.close();
  } finally {
    await database.close();
    // BENCH_KEEP=1 leaves the database for EXPLAIN sessions.
    if (process.env.BENCH_KEEP === "1" || reuse) say(`kept ${bench.url}`);
    else await bench.drop();
  }
}

/** A kept database's field key and demo sign-ins, saved in the temp folder so BENCH_REUSE can sign in again. */
interface Kept {
  key: string;
  accounts: DemoAccount[];
}

const keptFile = (url: string) => path.join(os.tmpdir(), `${new URL(url).pathname.slice(1)}.bench.json`);

function readKept(file: string): Kept {
  if (!fs.existsSync(file)) throw new Error(`BENCH_REUSE needs ${file}, written by a BENCH_KEEP=1 run`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Kept;
}

async function loadAndBuild(database: Awaited<ReturnType<typeof openDatabase>>) {
  let t0 = Date.now();
  await loadReports(database.db, total);
  say(`loaded ${total.toLocaleString("en")} reports in ${seconds(t0)} s`);
  t0 = Date.now();
  await rebuildAggregates(database.db);
  await database.db.execute(sql`VACUUM ANALYZE indicator_cells`);
  await database.db.execute(sql`VACUUM ANALYZE indicator_cells_quarterly`);
  await database.db.execute(sql`VACUUM ANALYZE indicator_durations`);
  say(`built the aggregates in ${seconds(t0)} s`);
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

function dayBefore(isoDay: string): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function monthsAgo(n: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
}

/**
 * Synthetic reports spread over five years, generated inside PostgreSQL (INSERT … SELECT) in chunks, with every
 * attribute the indicators read (place, facility, disaggregation, outcome and its times; challenge types of the
 * report's own subcategory, as in real data). Row triggers are switched
 * off for the bulk load; the aggregates are then built in one pass by rebuildAggregates.
 */
async function loadReports(db: Db, n: number) {
  const chunk = 200_000;
  await db.execute(sql`ALTER TABLE reports DISABLE TRIGGER USER`);
  for (let start = 1; start <= n; start += chunk) {
    const end = Math.min(n, start + chunk - 1);
    await db.execute(sql`
      WITH d AS (SELECT array_agg(a.id ORDER BY a.code) AS ids, array_agg(a.ancestor_ids[2] ORDER BY a.code) AS regions
                   FROM areas a WHERE a.is_leaf),
           f AS (SELECT array_agg(id ORDER BY code) AS ids, array_agg(district_id ORDER BY code) AS districts FROM facilities),
           s AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(category_code ORDER BY code) AS cats FROM subcategories),
           c AS (SELECT subcategory_code, array_agg(code ORDER BY code) AS codes FROM challenge_types GROUP BY 1),
           g AS (SELECT i, ((i::bigint * 7919) % 1000003)::int AS h FROM generate_series(${start}::int, ${end}::int) AS i),
           base AS (
             SELECT g.i, g.h,
                    now() - ((g.i % 1826) || ' days')::interval - ((g.h % 1440) || ' minutes')::interval AS created,
                    (ARRAY['submitted','validated','in_progress','resolved','resolved','closed','declined','escalated',
                           'resolved','referred'])[1 + (g.h % 10)] AS status,
                    1 + (g.h % array_length(f.ids, 1)) AS fi,
                    s.codes[1 + (g.h % array_length(s.codes, 1))] AS sub,
                    s.cats[1 + (g.h % array_length(s.codes, 1))] AS cat
               FROM g, f, s)
      INSERT INTO reports (client_id, tracking_code, channel, reporter_mode, category_code, subcategory_code,
                           challenge_types, occurred_on, district_id, region_id, facility_id, gender, age_group,
                           key_populations, status, decline_reason, created_at, updated_at, validated_at,
                           first_response_at, resolved_at, reporter_confirmed, consent_share_deidentified)
      SELECT gen_random_uuid(),
             'D' || lpad(b.i::text, 8, '0'),
             (ARRAY['app','app','app','web','ussd','sms','telegram','whatsapp'])[1 + (b.h % 8)],
             CASE WHEN b.h % 9 = 0 THEN 'on_behalf' ELSE 'self' END,
             b.cat,
             b.sub,
             ARRAY[c.codes[1 + (b.h / 3 % array_length(c.codes, 1))]],
             b.created::date,
             CASE WHEN b.h % 5 < 3 THEN f.districts[b.fi] ELSE d.ids[1 + (b.h % array_length(d.ids, 1))] END,
             NULL,
             CASE WHEN b.h % 5 < 3 THEN f.ids[b.fi] END,
             (ARRAY['female','female','male','male','transgender','other','undisclosed'])[1 + (b.h / 7 % 7)],
             (ARRAY['0-4','5-14','15-24','25-34','25-34','35-44','45-54','55-64','65+','undisclosed'])[1 + (b.h / 11 % 10)],
             CASE WHEN b.h % 3 = 0 THEN ARRAY['plhiv'] WHEN b.h % 3 = 1 THEN ARRAY['miner','rural_poor'] ELSE '{}' END,
             b.status,
             CASE WHEN b.status = 'declined' THEN (ARRAY['duplicate','spam','insufficient_information'])[1 + (b.h % 3)] END,
             b.created, now(),
             CASE WHEN b.status NOT IN ('submitted','declined') THEN b.created + ((b.h % 96) || ' hours')::interval END,
             CASE WHEN b.status NOT IN ('submitted','declined') THEN b.created + ((b.h % 48) || ' hours')::interval END,
             CASE WHEN b.status IN ('resolved','closed') THEN b.created + ((b.h % 900) || ' hours')::interval END,
             CASE WHEN b.status IN ('resolved','closed') AND b.h % 4 > 0 THEN b.h % 4 > 1 END,
             b.h / 13 % 5 <> 0
        FROM base b JOIN c ON c.subcategory_code = b.sub, d, f`);
  }
  await db.execute(sql`UPDATE reports r SET region_id = a.ancestor_ids[2] FROM areas a WHERE a.id = r.district_id`);
  await db.execute(sql`ALTER TABLE reports ENABLE TRIGGER USER`);
  await db.execute(sql`VACUUM ANALYZE reports`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n${err?.cause ?? ""}\n`);
  process.exit(1);
});

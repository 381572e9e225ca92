// npm run bench:inbox — loads BENCH_REPORTS (default 1,000,000) reports into a throw-away PostgreSQL database and
// prints p50/p95 of the inbox's common queries beside /api/health, measured through the full HTTP stack (inject).
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/app.js";
import { bootstrap } from "../src/bootstrap.js";
import { loadConfig } from "../src/config/config.js";
import { FieldCipher } from "../src/crypto/field-cipher.js";
import { openDatabase } from "../src/db/database.js";
import { protectTrackingCodes } from "../src/reports/protect-tracking-codes.js";
import { account, signInAs } from "../src/testing/staff-session.js";
import { createBenchDatabase, printTimings, time } from "./bench-support.js";

const total = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);

async function main() {
  const bench = await createBenchDatabase();
  const config = loadConfig({ NODE_ENV: "test", CLM_DEMO: "1", LOG_LEVEL: "silent", DATABASE_URL: bench.url });
  const database = await openDatabase({ databaseUrl: bench.url, poolSize: 4 });
  try {
    const cipher = new FieldCipher(crypto.randomBytes(32));
    const { demoAccounts = [] } = await bootstrap(database, config, { cipher });
    const t0 = Date.now();
    await loadReports(database.db, total, vocabularyTokens(cipher));
    // The bulk insert writes codes in clear, as older versions stored them: move them out, as a start-up does.
    await protectTrackingCodes(database, cipher);
    process.stdout.write(
      `loaded ${total.toLocaleString("en")} reports in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const app = await buildApp({ config, database, cipher, logger: false });
    await app.ready();
    const dm = await signInAs(app, account(demoAccounts, "data_manager"));
    const responder = account(demoAccounts, "first_responder");
    const fr = await signInAs(app, responder);
    const district = responder.scope.districtIds[0]!;
    await assignSome(database, responder.email, district);
    const get = (cookie: string, url: string) => async () => {
      const res = await app.inject({ method: "GET", url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode} ${res.body}`);
      return res;
    };
    const [{ enc } = { enc: null }] = await database.rows<{ enc: string | null }>(
      sql`SELECT tracking_code_enc AS enc FROM reports WHERE district_id = ${district} ORDER BY created_at DESC OFFSET 500 LIMIT 1`,
    );
    const code = cipher.decryptOptional(enc) ?? "";
    const timings = [
      await time("GET /api/health", runs, get(dm, "/api/health")),
      await time("queue, first page (data manager, region)", runs, get(dm, "/api/inbox/reports")),
      await time("queue, first page (responder, district)", runs, get(fr, "/api/inbox/reports")),
      await time(
        "filtered by district + status",
        runs,
        get(dm, `/api/inbox/reports?areaId=${district}&status=validated,in_progress`),
      ),
      await time("search by tracking code", runs, get(dm, `/api/inbox/reports?q=${code}`)),
      await time("search by a word (data manager, region)", runs, get(dm, "/api/inbox/reports?q=word17")),
      await time("search by two words (data manager)", runs, get(dm, "/api/inbox/reports?q=word17%20word1234")),
      await time("search by a word (responder)", runs, get(fr, "/api/inbox/reports?q=word17")),
      await time("filtered by category, second page", runs, async () => {
        const first = (await get(dm, "/api/inbox/reports?categoryCode=stigma")()).json();
        return get(dm, `/api/inbox/reports?categoryCode=stigma&cursor=${first.nextCursor}`)();
      }),
      await time(
        "filtered by category (data manager, region)",
        runs,
        get(dm, "/api/inbox/reports?categoryCode=stigma"),
      ),
      await time(
        "filtered by subcategory + status",
        runs,
        get(dm, "/api/inbox/reports?subcategoryCode=health_services.availability&status=submitted"),
      ),
      await time("category + unassigned", runs, get(dm, "/api/inbox/reports?categoryCode=rights&assigneeId=none")),
      await time("assigned to me (responder)", runs, get(fr, "/api/inbox/reports?assigneeId=me")),
      await time("assigned to my team (responder)", runs, get(fr, "/api/inbox/reports?teamId=mine")),
      await time("overdue (data manager, region)", runs, get(dm, "/api/inbox/reports?overdue=true")),
      await time(
        "overdue + category (responder)",
        runs,
        get(fr, "/api/inbox/reports?overdue=true&categoryCode=stigma"),
      ),
      await time("not overdue (data manager, region)", runs, get(dm, "/api/inbox/reports?overdue=false")),
    ];
    printTimings(`Inbox on PostgreSQL, ${total.toLocaleString("en")} reports (budget p95 ≤ 50 ms)`, timings, 50);
    await app.close();
  } finally {
    await database.close();
    // BENCH_KEEP=1 leaves the database for EXPLAIN sessions (its URL is printed); drop it by hand afterwards.
    if (process.env.BENCH_KEEP === "1") process.stdout.write(`kept ${bench.url}\n`);
    else await bench.drop();
  }
}

/** Search tokens of a 3,000-word vocabulary (`word0` … `word2999`), made with the bench's key. */
function vocabularyTokens(cipher: FieldCipher): string[] {
  return Array.from({ length: 3000 }, (_, i) => cipher.searchToken(`word${i}`));
}

/**
 * Synthetic reports with realistic spread, generated inside PostgreSQL (INSERT … SELECT) in chunks. Nine in twenty
 * have a description (as in the demo), given five words of the vocabulary: each word is in about 1 report in 670.
 */
async function loadReports(db: import("../src/db/database.js").Db, n: number, tokens: string[]) {
  const chunk = 250_000;
  // The counters move once per chunk (a statement-level trigger, migration 0018). The dashboard's change marks are not needed here (bench:dashboard builds its aggregates in one pass); a million
  // of them would keep the aggregator busy in the background while the inbox is being timed.
  await db.execute(sql`ALTER TABLE reports DISABLE TRIGGER reports_indicator_insert`);
  for (let start = 1; start <= n; start += chunk) {
    const end = Math.min(n, start + chunk - 1);
    await db.execute(sql`
      WITH d AS (SELECT array_agg(id ORDER BY code) AS ids FROM areas WHERE is_leaf),
           s AS (SELECT array_agg(code ORDER BY code) AS codes, array_agg(category_code ORDER BY code) AS cats FROM subcategories),
           v AS (SELECT array_agg(x ORDER BY k) AS t FROM jsonb_array_elements_text(${JSON.stringify(tokens)}::jsonb) WITH ORDINALITY AS w(x, k))
      INSERT INTO reports (client_id, tracking_code, channel, reporter_mode, category_code, subcategory_code, occurred_on,
                           district_id, status, created_at, updated_at, validated_at, first_response_at, search_tokens)
      SELECT gen_random_uuid(),
             'B' || substr(lpad(i::text, 7, '0'), 1, 3) || '-' || substr(lpad(i::text, 7, '0'), 4, 4),
             (ARRAY['app','app','app','web','ussd','sms','telegram','whatsapp'])[1 + (i % 8)],
             CASE WHEN i % 9 = 0 THEN 'on_behalf' ELSE 'self' END,
             s.cats[1 + (i * 7 % array_length(s.codes, 1))],
             s.codes[1 + (i * 7 % array_length(s.codes, 1))],
             (now() - ((i % 730) || ' days')::interval)::date,
             d.ids[1 + (i * 13 % array_length(d.ids, 1))],
             (ARRAY['submitted','validated','in_progress','resolved','resolved','closed','declined','escalated'])[1 + (i * 3 % 8)],
             now() - ((i % 730) || ' days')::interval - ((i % 1440) || ' minutes')::interval,
             now(), NULL, NULL,
             CASE WHEN i % 20 < 9
               THEN ARRAY[v.t[1 + i * 7 % 3000], v.t[1 + i * 13 % 2999], v.t[1 + i * 31 % 2997], v.t[1 + i * 61 % 2993],
                          v.t[1 + i * 101 % 2971]]
               ELSE '{}'::text[] END
      FROM generate_series(${start}::int, ${end}::int) AS i, d, s, v`);
  }
  await db.execute(sql`ALTER TABLE reports ENABLE TRIGGER reports_indicator_insert`);
}

/**
 * A realistic caseload in the responder's district: one report in 40 held by the responder, one in 25 by the
 * district's demo team. Counters are rebuilt once afterwards (as migration 0006 does), then statistics refreshed.
 */
async function assignSome(database: import("../src/db/database.js").Database, email: string, districtId: string) {
  const db = database.db;
  await db.execute(sql`ALTER TABLE reports DISABLE TRIGGER reports_counts_update`);
  await db.execute(sql`
    UPDATE reports r SET assignee_id = u.id, status = CASE WHEN r.status = 'submitted' THEN 'validated' ELSE r.status END
      FROM staff_users u
     WHERE u.email = ${email} AND r.district_id = ${districtId} AND abs(hashtext(r.id::text)) % 40 = 0`);
  await db.execute(sql`
    UPDATE reports r SET assignee_team_id = tm.team_id
      FROM team_members tm JOIN staff_users u ON u.id = tm.user_id
     WHERE u.email = ${email} AND r.district_id = ${districtId} AND r.assignee_id IS NULL
       AND abs(hashtext(r.id::text)) % 25 = 1`);
  await db.execute(sql`ALTER TABLE reports ENABLE TRIGGER reports_counts_update`);
  await db.execute(sql`DELETE FROM report_counts`);
  await db.execute(sql`
    INSERT INTO report_counts (district_id, status, subcategory_code, category_code, unassigned, n)
    SELECT district_id, status, subcategory_code, category_code, assignee_id IS NULL AND assignee_team_id IS NULL,
           count(*)::int
      FROM reports GROUP BY 1, 2, 3, 4, 5`);
  await db.execute(sql`VACUUM ANALYZE reports`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

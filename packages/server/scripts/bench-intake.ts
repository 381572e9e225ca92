// npm run bench:intake — report intake beside the database's own single-row insert rate (issue #4).
// For each database (PGlite in a throw-away data directory on disk, as a pilot runs it, then PostgreSQL at DATABASE_URL
// or the local default, in a throw-away database) and each load (1, 8 and 32 requests in flight) it measures, in alternating short rounds so that other
// work on the machine hits both sides alike:
//   bare INSERT   one autocommit INSERT of one report-shaped row into a table made LIKE reports (same columns,
//                 defaults and indexes; no foreign keys or triggers), sent straight through the database driver;
//   submitReport  POST /api/reports through the whole app (app.inject: routing, hooks, zod validation, checks,
//                 encryption, the write with its timeline event, audit row and notification, serialization).
// It prints rate, p50 and p95 for both and intake's share of the bare rate, per load and at capacity (each side's
// highest rate over the loads: what the server can take in beside what the database can insert). The dashboard aggregator runs as in
// production; its backlog from the demo data is drained before measuring. At the end the audit chain is verified
// and every 201 is matched to exactly one stored report.
// BENCH_N (default 1000) requests per measurement; BENCH_ONLY=pglite|postgres to run one backend;
// BENCH_PGLITE=memory runs PGlite in memory instead (the tests' setup: its in-memory file system copies a growing
// file on every few appends, which taxes whichever side writes more);
// BENCH_AGGREGATOR=quiet stops report changes from waking the aggregator (it still runs on its 2 s timer), to see
// intake's own cost apart from the dashboard's.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.js";
import { verifyAuditChain } from "../src/audit/audit.repo.js";
import { bootstrap } from "../src/bootstrap.js";
import { loadConfig } from "../src/config/config.js";
import { FieldCipher } from "../src/crypto/field-cipher.js";
import { catchUp } from "../src/dashboard/aggregator.js";
import { type Database, openDatabase } from "../src/db/database.js";
import { searchTokens } from "../src/reports/search-words.js";
import { trackingCodeHash } from "../src/reports/tracking-code.js";
import { createBenchDatabase } from "./bench-support.js";

const N = Number(process.env.BENCH_N ?? 1000);
const LOADS = [1, 8, 32];
/** Each measurement alternates bare and intake in this many rounds. */
const ROUNDS = 5;
const only = process.env.BENCH_ONLY;
const quietAggregator = process.env.BENCH_AGGREGATOR === "quiet";
const pgliteInMemory = process.env.BENCH_PGLITE === "memory";

interface Row {
  backend: string;
  what: "bare" | "intake";
  inFlight: number;
  n: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** Accumulates latency samples and busy time over several rounds. */
class Tally {
  samples: number[] = [];
  elapsed = 0;

  /** Runs `fn` n times with `concurrency` in flight. */
  async run(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(concurrency, n) }, async () => {
        for (let i = next++; i < n; i = next++) {
          const t0 = performance.now();
          await fn(i);
          this.samples.push(performance.now() - t0);
        }
      }),
    );
    this.elapsed += performance.now() - started;
  }

  result() {
    const sorted = [...this.samples].sort((x, y) => x - y);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return { n: sorted.length, perSecond: (sorted.length / this.elapsed) * 1000, p50: at(0.5), p95: at(0.95) };
  }
}

async function benchBackend(backend: "pglite" | "postgres"): Promise<Row[]> {
  const pgBench = backend === "postgres" ? await createBenchDatabase() : undefined;
  const config = loadConfig({
    NODE_ENV: "test",
    CLM_DEMO: "1",
    LOG_LEVEL: "silent",
    ...(pgBench ? { DATABASE_URL: pgBench.url } : {}),
  });
  const dataDir =
    backend === "pglite" && !pgliteInMemory ? fs.mkdtempSync(path.join(os.tmpdir(), "openclm-bench-")) : undefined;
  const database = await openDatabase({ databaseUrl: pgBench?.url, poolSize: config.poolSize, dataDir });
  try {
    const cipher = new FieldCipher(crypto.randomBytes(32));
    await bootstrap(database, config, { cipher });
    // The aggregator subscribes to report changes; nothing else listens in the bench.
    if (quietAggregator) database.listen = async () => async () => {};
    const app = await buildApp({ config, database, cipher, logger: false });
    await app.ready();
    const body = await sampleBody(app);
    await prepareBareTable(database);
    const bareValues = bareRow(cipher, body);
    let bareCount = 0;
    const bareInsert = async () => {
      bareCount++;
      await database.exec(
        `INSERT INTO bench_bare (client_id, tracking_code, channel, reporter_mode, category_code, subcategory_code,
           challenge_types, description_enc, search_tokens, occurred_on, district_id, region_id, gender, age_group,
           key_populations, consent_contact_me, consent_share_deidentified, consent_use_in_advocacy, phone_enc,
           phone_hash, language, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
           $23)`,
        [
          crypto.randomUUID(),
          `B${bareCount}-${crypto.randomBytes(4).toString("hex")}`,
          ...bareValues,
          new Date().toISOString(),
        ],
      );
    };
    const created = new Set<string>();
    const submit = async () => {
      // Each report from its own address and device, as from many phones: every request pays the rate limiter's
      // bucket upsert (platform/rate-limiter.ts) and none is refused.
      const [a, b, c] = crypto.randomBytes(3);
      const res = await app.inject({
        method: "POST",
        url: "/api/reports",
        payload: { ...body, clientId: crypto.randomUUID(), deviceId: crypto.randomUUID() },
        remoteAddress: `10.${a}.${b}.${c}`,
      });
      if (res.statusCode !== 201) throw new Error(`submitReport → ${res.statusCode} ${res.body}`);
      created.add(res.json().trackingCode);
    };

    // Warm up both paths (JIT, caches, connection pool), then let the dashboard catch up with the demo history.
    await new Tally().run(200, 8, bareInsert);
    await new Tally().run(200, 8, submit);
    await catchUp(database.db);

    const rows: Row[] = [];
    for (const inFlight of LOADS) {
      const bare = new Tally();
      const intake = new Tally();
      for (let round = 0; round < ROUNDS; round++) {
        const n = Math.ceil(N / ROUNDS);
        await bare.run(n, inFlight, bareInsert);
        await intake.run(n, inFlight, submit);
      }
      rows.push({ backend, what: "bare", inFlight, ...bare.result() });
      rows.push({ backend, what: "intake", inFlight, ...intake.result() });
    }
    await checkStored(database, cipher, created);
    await app.close();
    return rows;
  } finally {
    await database.close();
    await pgBench?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Every 201 must be one stored report, and the audit chain must verify, or the figures mean nothing. */
async function checkStored(database: Database, cipher: FieldCipher, created: Set<string>): Promise<void> {
  const { rows } = await database.exec(
    "SELECT count(*)::int AS n, count(DISTINCT tracking_code_hash)::int AS codes FROM reports WHERE tracking_code_hash IN (SELECT value FROM jsonb_array_elements_text($1::jsonb))",
    [JSON.stringify([...created].map((code) => trackingCodeHash(cipher, code)))],
  );
  const stored = rows[0] as { n: number; codes: number };
  if (stored.n !== created.size || stored.codes !== created.size)
    throw new Error(`${created.size} reports answered 201 but ${stored.n} are stored`);
  const chain = await verifyAuditChain(database.db);
  if (!chain.ok) throw new Error(`audit chain broken: ${JSON.stringify(chain.problems.slice(0, 5))}`);
  process.stdout.write(`  ${created.size} reports stored exactly once; audit chain intact (${chain.checked} events)\n`);
}

/** A table shaped like `reports` (columns, defaults, unique constraints and indexes) but with no foreign keys. */
async function prepareBareTable(database: Database): Promise<void> {
  await database.exec("DROP TABLE IF EXISTS bench_bare");
  await database.exec("CREATE TABLE bench_bare (LIKE reports INCLUDING DEFAULTS INCLUDING INDEXES)");
}

function bareRow(cipher: FieldCipher, body: Awaited<ReturnType<typeof sampleBody>>): unknown[] {
  return [
    body.channel,
    body.reporterMode,
    body.categoryCode,
    body.subcategoryCode,
    body.challengeTypes,
    cipher.encrypt(body.description),
    searchTokens(cipher, body.description),
    body.occurredOn,
    body.districtId,
    body.regionId,
    body.gender,
    body.ageGroup,
    body.keyPopulations,
    true,
    true,
    false,
    cipher.encrypt(body.contact.phone),
    cipher.hash("phone", body.contact.phone.replace(/\D/g, "")),
    "en",
    "submitted",
  ];
}

async function sampleBody(app: FastifyInstance) {
  const config = (await app.inject({ method: "GET", url: "/api/config" })).json() as {
    areas: { id: string; parentId: string | null; isLeaf: boolean }[];
    taxonomy: { code: string; subcategories: { code: string; challengeTypes: { code: string }[] }[] }[];
  };
  const district = config.areas.find((a) => a.isLeaf);
  const category = config.taxonomy[0];
  const sub = category?.subcategories[0];
  if (!district || !category || !sub) throw new Error("the demo country is missing");
  return {
    channel: "app",
    reporterMode: "self",
    categoryCode: category.code,
    subcategoryCode: sub.code,
    challengeTypes: sub.challengeTypes.slice(0, 1).map((c) => c.code),
    description: "The clinic asked me to pay for my TB medicines and I could not.",
    occurredOn: new Date().toISOString().slice(0, 10),
    districtId: district.id,
    regionId: district.parentId,
    gender: "female",
    ageGroup: "25-34",
    keyPopulations: ["plhiv"],
    consent: { contactMe: true, shareDeidentified: true, useInAdvocacyStories: false },
    contact: { phone: "+258 84 123 4567" },
    language: "en",
  };
}

function print(rows: Row[]): void {
  const head = `${"database".padEnd(9)} ${"in flight".padStart(9)}  ${"bare INSERT/s".padStart(13)} ${"p50".padStart(6)} ${"p95".padStart(6)}  ${"submitReport/s".padStart(14)} ${"p50".padStart(6)} ${"p95".padStart(6)}  ${"share".padStart(5)}`;
  process.stdout.write(`\n${head}\n${"-".repeat(head.length)}\n`);
  for (const bare of rows.filter((r) => r.what === "bare")) {
    const intake = rows.find((r) => r.what === "intake" && r.backend === bare.backend && r.inFlight === bare.inFlight);
    if (!intake) continue;
    process.stdout.write(
      `${bare.backend.padEnd(9)} ${String(bare.inFlight).padStart(9)}  ${bare.perSecond.toFixed(0).padStart(13)} ${ms(bare.p50)} ${ms(bare.p95)}  ${intake.perSecond.toFixed(0).padStart(14)} ${ms(intake.p50)} ${ms(intake.p95)}  ${share(intake, bare)}\n`,
    );
  }
  process.stdout.write("\nat capacity (each side's highest rate over the loads above):\n");
  for (const backend of new Set(rows.map((r) => r.backend))) {
    const best = (what: Row["what"]) =>
      rows
        .filter((r) => r.backend === backend && r.what === what)
        .reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const bare = best("bare");
    const intake = best("intake");
    process.stdout.write(
      `${backend.padEnd(9)} bare INSERT ${bare.perSecond.toFixed(0)}/s (${bare.inFlight} in flight), submitReport ${intake.perSecond.toFixed(0)}/s (${intake.inFlight} in flight): ${share(intake, bare).trim()}\n`,
    );
  }
  process.stdout.write(
    `\n${quietAggregator ? "dashboard aggregator NOT woken by report changes (BENCH_AGGREGATOR=quiet)" : "dashboard aggregator running as in production"}; PGlite ${pgliteInMemory ? "in memory (BENCH_PGLITE=memory)" : "in a data directory on disk"}; rates in requests per second, latencies in ms, ${rows[0]?.n ?? 0} requests per measurement; share = submitReport rate / bare INSERT rate (target ≥ 50 %).\n` +
      "bare INSERT: one autocommit single-row INSERT into a table LIKE reports (columns, defaults, indexes; no foreign keys or triggers), through the driver, no HTTP.\n" +
      "submitReport: POST /api/reports through the whole app (app.inject), answered only after its report, timeline event and audit row committed.\n" +
      "With one request in flight the rate is one over the latency: a fixed cost per request (HTTP, validation, encryption, the checked write) beside one driver call.\n",
  );
}

function share(intake: Row, bare: Row): string {
  return `${((intake.perSecond / bare.perSecond) * 100).toFixed(0)} %`.padStart(5);
}

function ms(value: number): string {
  return value.toFixed(2).padStart(6);
}

async function main() {
  const rows: Row[] = [];
  for (const backend of ["pglite", "postgres"] as const) {
    if (only && only !== backend) continue;
    process.stdout.write(`benchmarking ${backend} …\n`);
    rows.push(...(await benchBackend(backend)));
  }
  print(rows);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

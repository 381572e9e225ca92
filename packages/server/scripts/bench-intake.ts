// npm run bench:intake — report intake (submitReport through the full HTTP stack, app.inject) beside a bare
// single-row INSERT into a table of the same shape, in the same database, sequentially and with 8 in flight.
// Runs on in-memory PGlite and on PostgreSQL (DATABASE_URL, or the local default; a throw-away database).
// BENCH_N (default 2000) requests per measurement; BENCH_ONLY=pglite|postgres to run one backend.
import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config/config.js";
import { FieldCipher } from "../src/crypto/field-cipher.js";
import { type Database, openDatabase } from "../src/db/database.js";
import { bootstrap } from "../src/platform/bootstrap.js";
import { createBenchDatabase } from "./bench-support.js";

const N = Number(process.env.BENCH_N ?? 2000);
const CONCURRENCY = 8;
const only = process.env.BENCH_ONLY;

interface Row {
  backend: string;
  what: string;
  mode: string;
  n: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** Runs `fn` n times with `concurrency` in flight; returns throughput and latency percentiles. */
async function measure(n: number, concurrency: number, fn: (i: number) => Promise<void>) {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t0 = performance.now();
        await fn(i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { perSecond: (n / elapsed) * 1000, p50: at(0.5), p95: at(0.95) };
}

async function benchBackend(backend: "pglite" | "postgres"): Promise<Row[]> {
  const pgBench = backend === "postgres" ? await createBenchDatabase() : undefined;
  const config = loadConfig({
    NODE_ENV: "test",
    CLM_DEMO: "1",
    LOG_LEVEL: "silent",
    ...(pgBench ? { DATABASE_URL: pgBench.url } : {}),
  });
  const database = await openDatabase({ databaseUrl: pgBench?.url, poolSize: config.poolSize });
  try {
    const cipher = new FieldCipher(crypto.randomBytes(32));
    await bootstrap(database, config, { cipher });
    const app = await buildApp({ config, database, cipher, logger: false });
    await app.ready();
    const body = await sampleBody(app);
    const rows: Row[] = [];

    await prepareBareTable(database);
    const bareValues = bareRow(cipher, body);
    const bareInsert = (i: number) =>
      database.exec(
        `INSERT INTO bench_bare (client_id, tracking_code, channel, reporter_mode, category_code, subcategory_code,
           challenge_types, description_enc, occurred_on, district_id, region_id, gender, age_group, key_populations,
           consent_contact_me, consent_share_deidentified, consent_use_in_advocacy, phone_enc, phone_hash, language,
           status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22)`,
        [
          crypto.randomUUID(),
          `B${i}-${crypto.randomBytes(4).toString("hex")}`,
          ...bareValues,
          new Date().toISOString(),
        ],
      );
    const submit = async () => {
      const res = await app.inject({
        method: "POST",
        url: "/api/reports",
        payload: { ...body, clientId: crypto.randomUUID() },
      });
      if (res.statusCode !== 201) throw new Error(`submitReport → ${res.statusCode} ${res.body}`);
    };

    // Warm up both paths (JIT, caches, connection pool) before measuring.
    await measure(200, CONCURRENCY, async (i) => {
      await bareInsert(1_000_000 + i);
    });
    await measure(200, CONCURRENCY, submit);

    for (const [mode, concurrency] of [
      ["sequential", 1],
      [`${CONCURRENCY} in flight`, CONCURRENCY],
    ] as const) {
      const bare = await measure(N, concurrency, async (i) => {
        await bareInsert(i + (concurrency === 1 ? 0 : N));
      });
      rows.push({ backend, what: "bare INSERT (same-shaped table)", mode, n: N, ...bare });
      const intake = await measure(N, concurrency, submit);
      rows.push({ backend, what: "submitReport (HTTP inject)", mode, n: N, ...intake });
    }
    await app.close();
    return rows;
  } finally {
    await database.close();
    await pgBench?.drop();
  }
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
  const head = `${"backend".padEnd(9)} ${"what".padEnd(32)} ${"mode".padEnd(12)} ${"n".padStart(5)} ${"per s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)}`;
  process.stdout.write(`\n${head}\n${"-".repeat(head.length)}\n`);
  for (const r of rows) {
    process.stdout.write(
      `${r.backend.padEnd(9)} ${r.what.padEnd(32)} ${r.mode.padEnd(12)} ${String(r.n).padStart(5)} ${r.perSecond.toFixed(0).padStart(8)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)}\n`,
    );
  }
  const byKey = new Map(
    rows.map((r) => [`${r.backend}|${r.mode}|${r.what.startsWith("bare") ? "bare" : "intake"}`, r]),
  );
  process.stdout.write("\nintake rate as a share of the bare insert rate:\n");
  for (const r of rows.filter((x) => !x.what.startsWith("bare"))) {
    const bare = byKey.get(`${r.backend}|${r.mode}|bare`);
    if (bare)
      process.stdout.write(`  ${r.backend} ${r.mode}: ${((r.perSecond / bare.perSecond) * 100).toFixed(0)} %\n`);
  }
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

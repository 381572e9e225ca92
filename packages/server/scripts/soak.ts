// npm run soak — several server processes on one PostgreSQL database under a mixed load, one of them killed and
// restarted mid-run, then every report the clients were told was accepted is looked up (issue 21 item 7).
//
// The processes are the real entry point (main.ts), each with its own DATA_DIR, sharing DATABASE_URL and the key, as
// docs/deploy.md runs them behind a proxy. Clients pick a process per request (round robin) and behave like the app's
// outbox: a report that got no answer, a 5xx or a 429 is sent again with the same clientId to another process,
// until it is answered 201 or 200. At 40 % of the run one process is killed with SIGKILL (no clean shutdown: requests
// in flight die with it); at 50 % it is started again.
// Printed: per operation the count, errors by kind, rate, p50/p95/p99; then reports accepted, found exactly once,
// lost (accepted, not stored), duplicated (one clientId stored twice, or two rows for one tracking code), and
// stored without the client ever hearing "accepted" (its retries ran out). Exits non-zero if any was lost or duplicated.
//
// The database: a throw-away primary and a streaming replica of it (soak-clusters.ts), the processes reading the
// dashboard there (DATABASE_REPLICA_URL); at 60 % of the run the replication link is cut and comes back by itself.
// The replica's lag is sampled every second and printed (most, and seconds past the bound that sends reads back to
// the primary). SOAK_REPLICA=0 runs on a throw-away database at DATABASE_URL instead, without a replica.
// SOAK_SECONDS (default 600), SOAK_PROCESSES (3), SOAK_CONCURRENCY (16 clients in flight).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openReadReplica } from "../src/db/read-replica.js";
import type { DemoAccount } from "../src/demo/demo-accounts.js";
import { currentStep, totpCode } from "../src/identity/totp.js";
import { LIMITS_SETTING } from "../src/platform/rate-limit-settings.js";
import { type SpawnedServer, spawnServer, stopServer } from "../src/testing/spawn-server.js";
import { createBenchDatabase } from "./bench-support.js";
import { type SoakClusters, startSoakClusters } from "./soak-clusters.js";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const PROCESSES = Number(process.env.SOAK_PROCESSES ?? 3);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16);
const RETRIES = 8;
const UNLIMITED = { burst: 1_000_000, perHour: 1_000_000_000 };

type Op = "submitReport" | "trackReportByCode" | "listInboxReports" | "queryIndicators";

class Stats {
  samples = new Map<Op, number[]>();
  errors = new Map<Op, Map<string, number>>();

  ok(op: Op, ms: number) {
    const list = this.samples.get(op) ?? [];
    list.push(ms);
    this.samples.set(op, list);
  }

  fail(op: Op, kind: string) {
    const byKind = this.errors.get(op) ?? new Map<string, number>();
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    this.errors.set(op, byKind);
  }

  print(seconds: number) {
    const head = `${"operation".padEnd(20)} ${"ok".padStart(7)} ${"per s".padStart(7)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}  errors`;
    process.stdout.write(`\n${head}\n`);
    for (const op of ["submitReport", "trackReportByCode", "listInboxReports", "queryIndicators"] as Op[]) {
      const s = [...(this.samples.get(op) ?? [])].sort((a, b) => a - b);
      const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
      const errs = [...(this.errors.get(op) ?? new Map()).entries()].map(([k, n]) => `${k} ${n}`).join(", ") || "none";
      process.stdout.write(
        `${op.padEnd(20)} ${String(s.length).padStart(7)} ${(s.length / seconds).toFixed(1).padStart(7)} ${at(0.5).toFixed(1).padStart(8)} ${at(0.95).toFixed(1).padStart(8)} ${at(0.99).toFixed(1).padStart(8)}  ${errs}\n`,
      );
    }
  }
}

/** The live processes; a killed one's slot is empty until it is back. */
const targets: Array<string | null> = [];
let turn = 0;
function nextTarget(): string {
  for (let i = 0; i < targets.length; i++) {
    const t = targets[turn++ % targets.length];
    if (t) return t;
  }
  throw new Error("no process is running");
}

async function call(method: string, url: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${nextTarget()}${url}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(cookie ? { cookie } : {}),
      "sec-fetch-site": "same-origin",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, text, setCookie: res.headers.getSetCookie() };
}

const cookieOf = (setCookie: string[]) => setCookie.map((c) => c.split(";")[0]).join("; ");

async function signIn(account: DemoAccount): Promise<string> {
  const login = await call("POST", "/api/auth/login", { email: account.email, password: account.password });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${login.text}`);
  const mfa = await call(
    "POST",
    "/api/auth/mfa",
    { code: totpCode(account.totpSecret, currentStep()) },
    cookieOf(login.setCookie),
  );
  if (mfa.status !== 200) throw new Error(`second factor failed: ${mfa.status} ${mfa.text}`);
  return cookieOf(mfa.setCookie);
}

const WITH_REPLICA = process.env.SOAK_REPLICA !== "0";

/** The servers' error log lines (pino level 50 and above), by what they say: message, error name and SQLSTATE. */
const serverErrors = new Map<string, number>();
function noteServerErrors(text: string) {
  for (const line of text.split("\n")) {
    if (!line.includes('"level":5') && !line.includes('"level":6')) continue;
    try {
      const entry = JSON.parse(line) as { level: number; msg?: string; error?: Record<string, unknown> };
      if (entry.level < 50) continue;
      const parts: unknown[] = [entry.msg];
      for (let e = entry.error; e; e = e.cause as Record<string, unknown> | undefined)
        parts.push(e.name, e.message, e.sqlState, e.statement);
      const what = parts.filter(Boolean).join(" · ");
      serverErrors.set(what, (serverErrors.get(what) ?? 0) + 1);
    } catch {
      // a partial line at a chunk's edge: the rest of the line is in the next chunk, and is skipped too
    }
  }
}

async function main() {
  const clusters: SoakClusters | null = WITH_REPLICA ? await startSoakClusters("openclm_soak") : null;
  const db = clusters ? { url: clusters.primaryUrl, drop: async () => clusters.stop() } : await createBenchDatabase();
  const key = crypto.randomBytes(32).toString("base64");
  const dirs: string[] = [];
  const servers: Array<SpawnedServer | null> = [];
  const start = async (i: number) => {
    dirs[i] ??= fs.mkdtempSync(path.join(os.tmpdir(), `openclm-soak-${i}-`));
    const s = await spawnServer({
      DATABASE_URL: db.url,
      CLM_ENCRYPTION_KEY: key,
      DATA_DIR: dirs[i],
      CLM_DEMO: "1",
      ...(clusters ? { DATABASE_REPLICA_URL: clusters.replicaUrl } : {}),
    });
    // Ready: stop collecting its log (a line per request for minutes), but keep draining the pipes and keep what its
    // error lines say (a 500 answer's cause), to print after the table.
    for (const stream of [s.child.stdout, s.child.stderr]) {
      stream?.removeAllListeners("data");
      stream?.on("data", (chunk: Buffer) => noteServerErrors(chunk.toString()));
    }
    servers[i] = s;
    targets[i] = `http://127.0.0.1:${s.port}`;
  };
  const admin = new pg.Client({ connectionString: db.url });
  try {
    const where = db.url.replace(/\/\/[^@]*@/, "//");
    process.stdout.write(
      `soak: ${PROCESSES} processes on ${where}${clusters ? " with a streaming replica" : ""}, ${SECONDS} s\n`,
    );
    await start(0); // seeds the demo country, so the others find it there
    await admin.connect();
    const limits = { routes: { intakePerAddress: UNLIMITED, intakePerDevice: UNLIMITED, trackPerAddress: UNLIMITED } };
    await admin.query(
      "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      [LIMITS_SETTING, JSON.stringify(limits)],
    );
    for (let i = 1; i < PROCESSES; i++) await start(i);
    await new Promise((r) => setTimeout(r, 10_500)); // the limits are read at most every 10 s per process

    const accounts: DemoAccount[] = JSON.parse(fs.readFileSync(path.join(dirs[0]!, "demo-accounts.json"), "utf8"));
    const dm = await signIn(accounts.find((a) => a.role === "data_manager")!);
    const analyst = await signIn(accounts.find((a) => a.role === "analyst")!);
    const config = JSON.parse((await call("GET", "/api/config")).text);
    const districts: string[] = config.areas
      .filter((a: { isLeaf: boolean }) => a.isLeaf)
      .map((a: { id: string }) => a.id);

    const stats = new Stats();
    const accepted = new Map<string, string>(); // clientId → tracking code
    const unconfirmed = new Set<string>();
    const deadline = performance.now() + SECONDS * 1000;

    const submit = async () => {
      const body = {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "health_services",
        subcategoryCode: "health_services.availability",
        description: "Soak test: no medicines at the clinic",
        districtId: districts[Math.floor(Math.random() * districts.length)],
        consent: { contactMe: false, shareDeidentified: true, useInAdvocacyStories: false },
      };
      const t0 = performance.now();
      for (let attempt = 0; attempt < RETRIES; attempt++) {
        try {
          const res = await call("POST", "/api/reports", body);
          if (res.status === 201 || res.status === 200) {
            accepted.set(body.clientId, JSON.parse(res.text).trackingCode);
            stats.ok("submitReport", performance.now() - t0);
            return;
          }
          stats.fail("submitReport", `${res.status} (retried)`);
          if (res.status < 500 && res.status !== 429) break;
        } catch (err) {
          stats.fail("submitReport", `${(err as Error).cause ? "connection lost" : (err as Error).name} (retried)`);
        }
        await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
      }
      unconfirmed.add(body.clientId);
    };
    const timed = async (op: Op, fn: () => ReturnType<typeof call>) => {
      const t0 = performance.now();
      try {
        const res = await fn();
        if (res.status === 200) stats.ok(op, performance.now() - t0);
        else stats.fail(op, String(res.status));
      } catch (err) {
        stats.fail(op, (err as Error).cause ? "connection lost" : (err as Error).name);
      }
    };
    const codes = () => [...accepted.values()];
    const worker = async () => {
      while (performance.now() < deadline) {
        const dice = Math.random();
        if (dice < 0.5 || accepted.size === 0) await submit();
        else if (dice < 0.7) {
          const all = codes();
          const code = all[Math.floor(Math.random() * all.length)];
          await timed("trackReportByCode", () => call("POST", "/api/reports/track", { trackingCode: code }));
        } else if (dice < 0.85) await timed("listInboxReports", () => call("GET", "/api/inbox/reports", undefined, dm));
        else {
          const query = {
            metrics: ["reports_total", "reports_resolved"],
            dimensions: ["district"],
            from: "2025-01-01",
            to: "2026-12-31",
          };
          await timed("queryIndicators", () => call("POST", "/api/dashboard/indicators", query, analyst));
        }
      }
    };

    const victim = Math.min(1, PROCESSES - 1);
    const chaos = (async () => {
      await new Promise((r) => setTimeout(r, SECONDS * 400));
      process.stdout.write(`  ${new Date().toISOString()} SIGKILL process ${victim + 1}\n`);
      targets[victim] = null;
      servers[victim]?.child.kill("SIGKILL");
      await new Promise((r) => setTimeout(r, SECONDS * 100));
      await start(victim);
      process.stdout.write(`  ${new Date().toISOString()} process ${victim + 1} is back\n`);
    })();
    const lags: number[] = [];
    const replicaWatch = (async () => {
      if (!clusters) return;
      const replica = openReadReplica(clusters.replicaUrl, 1);
      const cut = performance.now() + SECONDS * 600;
      let linkCut = false;
      while (performance.now() < deadline) {
        if (!linkCut && performance.now() >= cut) {
          clusters.cutReplicationLink();
          linkCut = true;
          process.stdout.write(`  ${new Date().toISOString()} replication link cut\n`);
        }
        lags.push(await replica.lagSeconds().catch(() => Number.POSITIVE_INFINITY));
        await new Promise((r) => setTimeout(r, 1_000));
      }
      await replica.close();
    })();
    const began = performance.now();
    await Promise.all([...Array.from({ length: CONCURRENCY }, worker), chaos, replicaWatch]);
    stats.print((performance.now() - began) / 1000);
    if (clusters) {
      const bound = 30;
      process.stdout.write(
        `\nreplica lag, sampled each second: most ${Math.max(0, ...lags).toFixed(1)} s; ` +
          `${lags.filter((l) => l > 0).length} s behind, ${lags.filter((l) => l > bound).length} s past the ${bound} s bound (reads on the primary then)\n`,
      );
    }

    // Every accepted report, stored exactly once; nothing stored twice.
    const ids = [...accepted.keys()];
    const found = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM reports WHERE client_id = ANY($1::uuid[])",
      [ids],
    );
    const duplicated = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM (SELECT tracking_code_hash FROM reports GROUP BY 1 HAVING count(*) > 1) d",
    );
    const storedUnconfirmed = await admin.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM reports WHERE client_id = ANY($1::uuid[])",
      [[...unconfirmed]],
    );
    const lost = ids.length - found.rows[0]!.n;
    process.stdout.write(
      `\nreports accepted ${ids.length}, found ${found.rows[0]!.n}, lost ${lost}, duplicated ${duplicated.rows[0]!.n}; ` +
        `never confirmed to the client ${unconfirmed.size} (of which stored ${storedUnconfirmed.rows[0]!.n})\n`,
    );
    if (serverErrors.size > 0) {
      process.stdout.write("\nserver error log lines, by what they say:\n");
      for (const [what, n] of [...serverErrors].sort((a, b) => b[1] - a[1]).slice(0, 12))
        process.stdout.write(`  ${String(n).padStart(5)}  ${what.slice(0, 200)}\n`);
    }
    process.exitCode = lost === 0 && duplicated.rows[0]!.n === 0 ? 0 : 1;
  } finally {
    await admin.end().catch(() => {});
    for (const s of servers) if (s) await stopServer(s);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    if (process.env.BENCH_KEEP === "1") process.stdout.write(`kept ${db.url}\n`);
    else await db.drop();
  }
}

await main();

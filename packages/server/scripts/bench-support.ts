import crypto from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";

/** A throw-away PostgreSQL database for a benchmark run; dropped by the returned function. */
export async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `openclm_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Timing {
  name: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Runs `fn` `n` times after a short warm-up and returns latency percentiles in milliseconds. */
export async function time(name: string, n: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(10, n); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { name, n, p50: at(0.5), p95: at(0.95), max: samples.at(-1) ?? 0 };
}

export function printTimings(title: string, rows: Timing[], budgetMs?: number): void {
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(
    `${"query".padEnd(48)} ${"n".padStart(5)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}\n`,
  );
  for (const r of rows) {
    const flag = budgetMs !== undefined && r.p95 > budgetMs ? "  over budget" : "";
    process.stdout.write(
      `${r.name.padEnd(48)} ${String(r.n).padStart(5)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)}${flag}\n`,
    );
  }
}

// npm run bench:web — the web app's weight as a phone on first visit gets it from the compiled server (the one
// `npm start` runs, with its precompressed files): scripts per surface, their size as run, gzipped (the budgets'
// measure) and as transferred, against the budgets; then Lighthouse's mobile performance score (the median of
// LIGHTHOUSE_RUNS runs, 3 unless set), run from npm (a devDependency pinned at 12.2.3: 13 needs Node 22) against
// the same Debian Chromium. LIGHTHOUSE_REPORT_DIR keeps each run's full report (JSON) to read the audits. Prints;
// never fails on a figure (the budgets are enforced by budget.e2e.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { spawnServer, stopServer } from "../../server/src/testing/spawn-server.js";
import { CHROMIUM_PATH } from "./support/browser.js";
import { firstChartDrawn, firstLoadScripts, kb, sum } from "./support/first-load.js";

const pages = [
  { path: "/app", budget: 100 * 1024, ready: undefined },
  { path: "/app/near-me", budget: 100 * 1024, ready: undefined },
  { path: "/dashboard/public", budget: 250 * 1024, ready: firstChartDrawn },
];

const out = (line = "") => process.stdout.write(`${line}\n`);
const pad = (s: string, n: number) => s.padEnd(n);

/** Lighthouse runs per page; the median score is the figure (the machine is shared, so one run is noise). */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

async function lighthouseRun(url: string, port: number): Promise<Result | undefined> {
  const run = async () =>
    (
      await lighthouse(url, {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        formFactor: "mobile",
      })
    )?.lhr;
  // A trace now and then comes back without its navigation start (NO_NAVSTART): one more try.
  const lhr = await run();
  return lhr?.runtimeError ? run() : lhr;
}

const score = (lhr: Result) => Math.round((lhr.categories.performance?.score ?? 0) * 100);

async function lighthouseScores(url: string, port: number, paths: string[]): Promise<void> {
  out(`\nLighthouse ${RUNS}× per page, median (mobile: emulated Moto G Power, simulated slow 4G, 4× CPU slowdown)`);
  const load = os.loadavg().map((n) => n.toFixed(2));
  out(`load average at start: ${load.join(" ")} on ${os.cpus().length} cores`);
  const reportDir = process.env.LIGHTHOUSE_REPORT_DIR;
  if (reportDir) fs.mkdirSync(reportDir, { recursive: true });
  for (const p of paths) {
    const runs: Result[] = [];
    for (let i = 0; i < RUNS; i++) {
      const lhr = await lighthouseRun(`${url}${p}`, port);
      if (!lhr) continue;
      if (lhr.runtimeError) {
        out(`${pad(p, 20)} Lighthouse failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message ?? ""}`);
        continue;
      }
      runs.push(lhr);
      if (reportDir) {
        const name = `${p.replace(/\W+/g, "-").replace(/^-/, "")}-${i + 1}.json`;
        fs.writeFileSync(path.join(reportDir, name), JSON.stringify(lhr));
      }
    }
    if (!runs.length) continue;
    runs.sort((a, b) => score(a) - score(b));
    const median = runs[Math.floor(runs.length / 2)] as Result;
    const audit = (id: string) => median.audits[id]?.displayValue ?? "—";
    out(
      `${pad(p, 20)} performance ${score(median)} (runs ${runs.map(score).join(", ")})  ` +
        `FCP ${audit("first-contentful-paint")}  LCP ${audit("largest-contentful-paint")}  ` +
        `TBT ${audit("total-blocking-time")}  CLS ${audit("cumulative-layout-shift")}  ` +
        `(host benchmark index ${Math.round(median.environment.benchmarkIndex)})`,
    );
  }
}

async function main() {
  // `npm run bench:web -- /dashboard/public` measures the pages named; none named, all of them.
  const named = process.argv.slice(2);
  const chosen = named.length ? pages.filter((p) => named.includes(p.path)) : pages;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-bench-web-"));
  const server = await spawnServer({ DATA_DIR: dataDir, NODE_OPTIONS: undefined }, { compiled: true });
  const debugPort = 9300 + Math.floor(Math.random() * 500);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", `--remote-debugging-port=${debugPort}`],
  });
  try {
    const url = `http://127.0.0.1:${server.port}`;
    out(`First load of each surface (${url}, phone viewport, no service worker)\n`);
    out(`${pad("page", 20)}${pad("scripts", 9)}${pad("as run", 11)}${pad("gzip -9", 11)}${pad("sent", 11)}budget`);
    for (const p of chosen) {
      const context = await browser.newContext({
        baseURL: url,
        serviceWorkers: "block",
        viewport: { width: 360, height: 740 },
      });
      const scripts = await firstLoadScripts(context, p.path, p.ready);
      await context.close();
      const gzip = sum(scripts, "gzip");
      const verdict = gzip <= p.budget ? "within" : "OVER";
      out(
        `${pad(p.path, 20)}${pad(String(scripts.length), 9)}${pad(kb(sum(scripts, "raw")), 11)}` +
          `${pad(kb(gzip), 11)}${pad(kb(sum(scripts, "transferred")), 11)}${kb(p.budget)} (${verdict})`,
      );
    }
    await lighthouseScores(
      url,
      debugPort,
      chosen.map((p) => p.path),
    );
  } finally {
    await browser.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

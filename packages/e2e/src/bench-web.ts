// npm run bench:web — the web app's weight as a phone on first visit gets it from the compiled server (the one
// `npm start` runs, with its precompressed files): scripts per surface, their size as run, gzipped (the budgets'
// measure) and as transferred, against the budgets; then Lighthouse's mobile performance score when the
// `lighthouse` package is installed (optional: npm i -D -E lighthouse@12.2.3 -w @openclm/e2e). Prints; never fails
// on a figure (the budgets are enforced by budget.e2e.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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

async function lighthouseScores(url: string, port: number): Promise<void> {
  let lighthouse: (url: string, flags: object) => Promise<{ lhr: LighthouseResult } | undefined>;
  try {
    // Optional, so not a dependency: from this workspace, or from LIGHTHOUSE_MODULE (the path of an installed
    // copy's core/index.js). A string the type-checker does not resolve.
    const name = process.env.LIGHTHOUSE_MODULE ?? "lighthouse";
    lighthouse = (await import(name)).default;
  } catch {
    out("Lighthouse: not installed (npm i -D -E lighthouse@12.2.3 -w @openclm/e2e, then run this again)");
    return;
  }
  out("\nLighthouse (mobile: emulated Moto G Power, simulated slow 4G, 4× CPU slowdown)");
  for (const p of pages) {
    const run = () =>
      lighthouse(`${url}${p.path}`, {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance"],
        formFactor: "mobile",
      });
    // A trace now and then comes back without its navigation start (NO_NAVSTART): one more try.
    let lhr = (await run())?.lhr;
    if (lhr?.runtimeError) lhr = (await run())?.lhr;
    if (!lhr) continue;
    if (lhr.runtimeError) {
      out(`${pad(p.path, 20)} Lighthouse failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message ?? ""}`);
      continue;
    }
    const audit = (id: string) => lhr.audits[id]?.displayValue ?? "—";
    out(
      `${pad(p.path, 20)} performance ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}  ` +
        `FCP ${audit("first-contentful-paint")}  LCP ${audit("largest-contentful-paint")}  ` +
        `TBT ${audit("total-blocking-time")}  CLS ${audit("cumulative-layout-shift")}`,
    );
  }
}

interface LighthouseResult {
  runtimeError?: { code: string; message?: string };
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { displayValue?: string } | undefined>;
}

async function main() {
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
    for (const p of pages) {
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
    await lighthouseScores(url, debugPort);
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

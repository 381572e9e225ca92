import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { pageHeading } from "./support/checks.js";
import { useSuite } from "./support/suite.js";

/** PRODUCT.md §2: the community app loads ≤ 100 KB of gzipped JavaScript on first load (ADR 0003). */
const BUDGET_BYTES = 100 * 1024;
/** Issue 21: the public dashboard, first chart drawn, ≤ 250 KB (ECharts is most of it; Leaflet waits for the map). */
const DASHBOARD_BUDGET_BYTES = 250 * 1024;

const suite = useSuite();

/**
 * Every script the page fetched on first load, gzipped here (level 9, as a server or CDN would) so the figure does
 * not depend on whether the test server compresses. Service workers are blocked so only the page's own loads count.
 */
async function firstLoadJs(
  path: string,
  ready: (page: import("playwright-core").Page) => Promise<unknown> = pageHeading,
): Promise<{ total: number; files: string[] }> {
  const { context } = await suite.open("about:blank");
  const page = await context.newPage();
  const scripts: Promise<{ url: string; gz: number }>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script") return;
    scripts.push(
      res.body().then((body) => ({ url: new URL(res.url()).pathname, gz: gzipSync(body, { level: 9 }).length })),
    );
  });
  await page.goto(path, { waitUntil: "networkidle" });
  await ready(page);
  await page.waitForLoadState("networkidle");
  const loaded = await Promise.all(scripts);
  return {
    total: loaded.reduce((sum, s) => sum + s.gz, 0),
    files: loaded.map((s) => `${s.url} ${(s.gz / 1024).toFixed(1)} KB`),
  };
}

for (const path of ["/app", "/app/near-me"]) {
  test(`first load of ${path} stays within the 100 KB gzipped JavaScript budget`, async (t) => {
    const { total, files } = await firstLoadJs(path);
    t.diagnostic(`${path}: ${(total / 1024).toFixed(1)} KB gzipped JS`);
    for (const f of files) t.diagnostic(`  ${f}`);
    assert.ok(total > 0, "scripts were measured");
    assert.ok(total <= BUDGET_BYTES, `${(total / 1024).toFixed(1)} KB > 100 KB`);
  });
}

test("first load of /dashboard/public, first chart drawn, stays within 250 KB gzipped JavaScript", async (t) => {
  const { total, files } = await firstLoadJs("/dashboard/public", async (page) => {
    await pageHeading(page);
    await page.locator(".echart svg").first().waitFor();
  });
  t.diagnostic(`/dashboard/public: ${(total / 1024).toFixed(1)} KB gzipped JS`);
  for (const f of files) t.diagnostic(`  ${f}`);
  assert.ok(
    files.some((f) => f.includes("dashboard-charts")),
    "the charts were drawn with ECharts",
  );
  assert.ok(!files.some((f) => f.includes("dashboard-map")), "Leaflet waits until the map is scrolled to");
  assert.ok(total <= DASHBOARD_BUDGET_BYTES, `${(total / 1024).toFixed(1)} KB > 250 KB`);
});

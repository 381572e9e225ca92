import assert from "node:assert/strict";
import { test } from "node:test";
import { firstChartDrawn, firstLoadScripts, kb, sum } from "./support/first-load.js";
import { useSuite } from "./support/suite.js";

/** PRODUCT.md §2: the community app loads ≤ 100 KB of gzipped JavaScript on first load (ADR 0003). */
const BUDGET_BYTES = 100 * 1024;
/** Issue 21: the public dashboard, first chart drawn, ≤ 250 KB (ECharts is most of it; Leaflet waits for the map). */
const DASHBOARD_BUDGET_BYTES = 250 * 1024;

const suite = useSuite();

/**
 * Every script the page fetched on first load, gzipped at level 9 (support/first-load.ts) so the figure does not
 * depend on how the server compresses. Service workers are blocked so only the page's own loads count.
 */
async function firstLoadJs(path: string, ready?: Parameters<typeof firstLoadScripts>[2]) {
  const { context } = await suite.open("about:blank");
  const scripts = await firstLoadScripts(context, path, ready);
  return { total: sum(scripts, "gzip"), files: scripts.map((s) => `${s.path} ${kb(s.gzip)}`) };
}

for (const path of ["/app", "/app/near-me", "/app/connect"]) {
  test(`first load of ${path} stays within the 100 KB gzipped JavaScript budget`, async (t) => {
    const { total, files } = await firstLoadJs(path);
    t.diagnostic(`${path}: ${kb(total)} gzipped JS`);
    for (const f of files) t.diagnostic(`  ${f}`);
    assert.ok(total > 0, "scripts were measured");
    assert.ok(total <= BUDGET_BYTES, `${kb(total)} > 100 KB`);
  });
}

test("first load of /dashboard/public, first chart drawn, stays within 250 KB gzipped JavaScript", async (t) => {
  const { total, files } = await firstLoadJs("/dashboard/public", firstChartDrawn);
  t.diagnostic(`/dashboard/public: ${kb(total)} gzipped JS`);
  for (const f of files) t.diagnostic(`  ${f}`);
  assert.ok(
    files.some((f) => f.includes("dashboard-charts")),
    "the charts were drawn with ECharts",
  );
  assert.ok(!files.some((f) => f.includes("dashboard-map")), "Leaflet waits until the map is scrolled to");
  assert.ok(total <= DASHBOARD_BUDGET_BYTES, `${kb(total)} > 250 KB`);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { chartDrawn } from "./support/first-load.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

/**
 * Attack surface: the strict CSP (no inline styles) must hold while charts are used, not only while they sit still.
 * ECharts' own tooltip markup carries style attributes, which the policy refuses.
 */
test("hovering the dashboard's charts shows their tooltips with no CSP violation", async () => {
  const { page, watch } = await suite.open("/dashboard");
  await signIn(page, suite.account("analyst"));
  await page.locator('.dash-tiles[aria-busy="false"] [data-metric="reports_total"]').waitFor();
  // Each chart is drawn when it nears the screen.
  const charts = page.locator(".echart");
  await chartDrawn(charts.first());
  await page.waitForLoadState("networkidle");
  const n = await charts.count();
  assert.ok(n >= 2, `${n} charts`);
  for (let i = 0; i < n; i++) {
    const chart = charts.nth(i);
    await chartDrawn(chart);
    const box = await chart.locator("svg").boundingBox();
    assert.ok(box, "the chart is drawn");
    // The middle of the plot: a bar or a point of every chart the dashboard draws.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3);
    // ECharts' tooltip: the chart's one child that is not its drawing (whoever builds its content).
    const tip = page.locator(".echart > div:not(:has(svg))").filter({ visible: true });
    await tip.first().waitFor();
    assert.ok(((await tip.first().textContent()) ?? "").length > 0, "the tooltip says something");
  }
  assert.deepEqual(await watch.cspViolations(), [], "CSP violations");
});

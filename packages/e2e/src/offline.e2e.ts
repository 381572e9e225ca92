import assert from "node:assert/strict";
import { test } from "node:test";
import { pageHeading } from "./support/checks.js";
import { useSuite } from "./support/suite.js";

const suite = useSuite();

test("after a first visit the community app opens offline, with its saved config", async () => {
  const { page, context } = await suite.open("/app", { serviceWorkers: "allow" });
  await pageHeading(page);
  // The worker precaches the shell on install and takes control of the page (clientsClaim).
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // One more online load goes through the worker, which keeps /api/config for later.
  await page.reload({ waitUntil: "networkidle" });
  await pageHeading(page);

  await context.setOffline(true);
  await page.reload();
  assert.equal(await pageHeading(page), "How can we help you today?");
  await page
    .getByRole("status")
    .filter({ hasText: /offline/ })
    .waitFor();
  // The platform name comes from the cached /api/config.
  await page.locator(".brand__name", { hasText: "OpenCLM Demoland" }).waitFor();

  // A deep link opens offline too (navigation fallback to the cached shell).
  await page.goto("/app/my-reports");
  assert.equal(await pageHeading(page), "My reports");
  // Near Me's map, opened once online, opens offline too: Leaflet, the places and the district outlines come from the
  // worker's caches (issue 17).
  await context.setOffline(false);
  await page.goto("/app/near-me?view=map");
  await page.locator(".leaflet-overlay-pane path").first().waitFor();
  await page.locator(".facility-pin").first().waitFor();
  const pins = await page.locator(".facility-pin").count();
  const outlines = await page.locator(".leaflet-overlay-pane path").count();
  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll(".facility-pin").length === n, pins);
  await page.waitForFunction((n) => document.querySelectorAll(".leaflet-overlay-pane path").length === n, outlines);
});

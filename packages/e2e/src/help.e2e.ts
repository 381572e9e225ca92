import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { phone } from "./support/report-steps.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/** Issue 25: each staff screen links to its manual section; the community app's first-use hints; the help pages. */
const suite = useStaffSuite();

test("the Help link of a staff screen opens its manual at that screen's section, a strict page without errors", async () => {
  const { page, context } = await suite.open("/setup/facilities", { viewport: { width: 1366, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  const help = page.getByRole("link", { name: "Help (opens in a new tab)" });
  assert.equal(await help.getAttribute("href"), "/help/en/setup#facilities");
  const [tab] = await Promise.all([context.waitForEvent("page"), help.click()]);
  await tab.waitForURL(/\/help\/en\/setup#facilities$/);
  await tab.close();
  // The page it opens, watched for errors and CSP reports from its first byte.
  const { page: manual, watch } = await suite.open("/help/en/setup#facilities", {
    viewport: { width: 1366, height: 800 },
  });
  assert.equal(await pageHeading(manual), "Set-up");
  assert.equal(new URL(manual.url()).hash, "#facilities");
  // The section is there, naming the screen's own buttons as the screen shows them.
  const section = manual.locator("h2#facilities");
  assert.equal(await section.textContent(), "Import facilities");
  await manual.getByRole("img", { name: "Facilities in Set-up" }).waitFor();
  assert.ok(await manual.locator("strong.ui", { hasText: "Export facilities (CSV)" }).count());
  await assertAxeClean(manual);
  assert.deepEqual(await watch.cspViolations(), []);
  assert.deepEqual(watch.errors, []);
  await manual.setViewportSize(phone.viewport);
  assert.equal(await horizontalOverflow(manual), 0);
  // French: the same section, in French, with the French picture.
  await manual.goto("/help/fr/setup#facilities");
  assert.equal(await manual.locator("h2#facilities").textContent(), "Importer les établissements");
  assert.match((await manual.locator("img").first().getAttribute("src")) ?? "", /^\/help\/screens\/fr\//);
});

test("a first-use hint in the community app goes away when dismissed, and stays away on this device", async () => {
  const { page, watch } = await suite.open("/app", phone);
  const hint = page.getByRole("note", { name: "Tip" });
  await hint.waitFor();
  assert.equal(
    await hint.getByRole("link", { name: "How to use the app" }).getAttribute("href"),
    "/help/en/community#start",
  );
  await assertAxeClean(page);
  await hint.getByRole("button", { name: "Got it" }).click();
  await hint.waitFor({ state: "detached" });
  await page.reload();
  await pageHeading(page);
  assert.equal(await page.getByRole("note", { name: "Tip" }).count(), 0, "dismissed for good on this device");
  // Another hint, not dismissed, still shows where it belongs.
  await page.getByRole("link", { name: /Get involved/ }).click();
  await page.getByRole("note", { name: "Tip" }).waitFor();
  assert.deepEqual(
    watch.errors.filter((e) => !/status of 401/.test(e)),
    [],
  );
});

test("the community app's manual, read once online, opens offline with its pictures", async () => {
  const { page, context } = await suite.open("/app", { ...phone, serviceWorkers: "allow" });
  await pageHeading(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.goto("/help/en/community", { waitUntil: "networkidle" });
  assert.equal(await pageHeading(page), "Community app");
  await context.setOffline(true);
  await page.reload();
  assert.equal(await pageHeading(page), "Community app");
  // The stylesheet and the first picture come from the worker's cache too.
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>(".help-body img");
    return img?.complete && img.naturalWidth > 0;
  });
  assert.equal(await page.locator(".help-header").evaluate((el) => getComputedStyle(el).display), "flex");
});

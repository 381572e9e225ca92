import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { phone } from "./support/report-steps.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/** Issue 25: each staff screen links to its manual section; the community app's first-use hints; the help pages. */
const suite = useStaffSuite();
const SHOTS = process.env.SCREENSHOT_DIR;

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

test("a new member's inbox opens a short tour at the real screen, by keyboard, closed by Escape, remembered, and taken again beside Help", async () => {
  const { page, watch } = await suite.open("/inbox", { viewport: { width: 1366, height: 800 }, tours: true });
  await signIn(page, suite.account("data_manager"));
  const first = page.getByRole("dialog", { name: "Your queue" });
  await first.waitFor();
  assert.match((await first.textContent()) ?? "", /Step 1 of 5/);
  // It points at the queue itself, and focus is in the step, so a screen reader reads it at once.
  assert.equal(await page.locator(".inbox__queue.tour-target").count(), 1);
  await page.waitForFunction(() => document.activeElement?.id === "tour-step-title");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/tour-inbox-1366.png` });
  await assertAxeClean(page);
  // By keyboard: Tab to "Next", Enter; the next step points at the search and takes focus.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: "Search" }).waitFor();
  assert.equal(await page.locator(".queue-search.tour-target").count(), 1);
  assert.equal(await page.locator(".inbox__queue.tour-target").count(), 0);
  await page.waitForFunction(() => document.activeElement?.id === "tour-step-title");
  // Escape ends it; nothing stays outlined; focus goes back to the page.
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });
  assert.equal(await page.locator(".tour-target").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  // Seen on this device: it does not open by itself again.
  await page.reload();
  await page.locator("a.queue-row__link").first().waitFor();
  assert.equal(await page.getByRole("dialog").count(), 0);
  // Beside Help, "Take the tour" starts it again; walked to its end, focus returns to that button.
  const start = page.getByRole("button", { name: "Take the tour" });
  await start.click();
  await first.waitFor();
  for (const name of ["Search", "Filters", "Training mode", "Help"]) {
    await page.getByRole("dialog").getByRole("button", { name: "Next" }).click();
    await page.getByRole("dialog", { name }).waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/tour-inbox-${name.replace(/ /g, "-")}-1366.png` });
  }
  assert.equal(await page.locator(".help-tour.tour-target").count(), 1);
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
  assert.equal(await start.evaluate((el) => el === document.activeElement), true);
  assert.deepEqual(watch.errors, []);
});

test("an administrator's first Set-up overview opens its tour too, usable on a phone", async () => {
  const { page } = await suite.open("/setup", { viewport: { width: 360, height: 740 }, tours: true });
  await signIn(page, suite.account("country_admin"));
  const step = page.getByRole("dialog", { name: "Set-up checklist" });
  await step.waitFor();
  assert.match((await step.textContent()) ?? "", /Step 1 of 4/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/tour-setup-360.png` });
  assert.equal(await horizontalOverflow(page), 0);
  await assertAxeClean(page);
  await step.getByRole("button", { name: "Close the tour" }).click();
  await step.waitFor({ state: "detached" });
  assert.deepEqual(await page.evaluate(() => JSON.parse(localStorage.getItem("openclm.tours") ?? "[]")), ["setup"]);
});

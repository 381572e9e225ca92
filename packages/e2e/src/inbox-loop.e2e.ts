import assert from "node:assert/strict";
import crypto from "node:crypto";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const SHOTS = process.env.SCREENSHOT_DIR;

/** Submits a report as the app does, in the data manager's first district; the same phone marks duplicates. */
async function submit(phone: string): Promise<string> {
  const res = await fetch(`${suite.url}/api/reports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      clientId: crypto.randomUUID(),
      channel: "web",
      reporterMode: "self",
      categoryCode: "health_services",
      subcategoryCode: "health_services.availability",
      districtId: suite.account("data_manager").scope.districtIds[0],
      description: "No pills at the clinic",
      contact: { phone },
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { trackingCode: string }).trackingCode;
}

const top = async (page: Page, name: string) =>
  (await page.getByRole("heading", { name, exact: true }).boundingBox())?.y ?? Number.POSITIVE_INFINITY;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [360, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

test("a data manager sees the decision and duplicates first, resolves with an outcome, and sees the reporter reopen it", async () => {
  const phone = `+999 55 ${crypto.randomInt(100, 999)} ${crypto.randomInt(1000, 9999)}`;
  await submit(phone);
  const code = await submit(phone);
  const { page } = await suite.open(`/inbox?q=${code}`, { viewport: { width: 360, height: 740 } });
  await signIn(page, suite.account("data_manager"));
  const row = page.locator(".queue a[data-row]", { hasText: code });
  await row.locator(".badge", { hasText: "Possible duplicate" }).waitFor();
  await row.click();

  await page.getByRole("heading", { name: "Decision" }).waitFor();
  assert.ok((await top(page, "Decision")) < (await top(page, "About this report")), "the decision comes first");
  assert.ok((await top(page, "1 possible duplicate")) < (await top(page, "About this report")), "so do duplicates");
  assert.ok((await top(page, "Decision")) < 740, "above the fold on a phone");
  await shoot(page, "inbox-decision-first");
  await page.getByRole("button", { name: "Validate", exact: true }).click();
  await page.getByRole("heading", { name: "Progress" }).waitFor();

  await page.getByLabel("New status").selectOption("resolved");
  await page.getByText(/steps? of the protocol (is|are) not done/).waitFor();
  await page.getByLabel("How was it resolved?").selectOption("service_provided");
  await shoot(page, "inbox-resolve-outcome");
  await page.getByRole("button", { name: "Change status" }).click();
  await page.getByText("Resolved: the person got the service or care").waitFor();
  await page.getByText(/^Steps not done: /).waitFor();

  const no = await fetch(`${suite.url}/api/reports/track/${code}/confirmation`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ resolved: false, comment: "Still no pills" }),
  });
  assert.equal(no.status, 200);
  await page.reload();
  const timeline = page.locator(".timeline");
  await timeline.getByText("Reopened by the reporter: not solved").waitFor();
  assert.ok(await timeline.getByText("by the reporter").first().isVisible());
  assert.equal(await timeline.getByText("by staff").count(), 0);
  await page.locator(".detail-header .badge", { hasText: "Reopened by the reporter" }).waitFor();
  assert.equal(await horizontalOverflow(page), 0);
  await assertAxeClean(page);
  await shoot(page, "inbox-reopened");
});

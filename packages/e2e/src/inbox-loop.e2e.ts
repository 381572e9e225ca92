import assert from "node:assert/strict";
import crypto from "node:crypto";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const SHOTS = process.env.SCREENSHOT_DIR;

/** Submits a report as the app does (by default in the data manager's first district); a phone marks duplicates. */
async function submit(
  phone?: string,
  districtId = suite.account("data_manager").scope.districtIds[0],
): Promise<string> {
  const res = await fetch(`${suite.url}/api/reports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      clientId: crypto.randomUUID(),
      channel: "web",
      reporterMode: "self",
      categoryCode: "health_services",
      subcategoryCode: "health_services.availability",
      districtId,
      description: "No pills at the clinic",
      ...(phone ? { contact: { phone } } : {}),
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
  const first = await submit(phone);
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
  // The open inbox hears of it at once, without a reload.
  await page.locator("[role=status]", { hasText: "said their problem is not solved" }).waitFor({ state: "attached" });
  await page.reload();
  const timeline = page.locator(".timeline");
  await timeline.getByText("Reopened by the reporter: not solved").waitFor();
  assert.ok(await timeline.getByText("by the reporter").first().isVisible());
  assert.equal(await timeline.getByText("by staff").count(), 0);
  await page.locator(".detail-header .badge", { hasText: "Reopened by the reporter" }).waitFor();
  // The resolution deadline counts again from the reporter's answer, and runs.
  const resolution = page.locator(".sla-clock", { hasText: "Resolution" });
  await resolution.getByText(/^Counted again from the reporter's "not solved"/).waitFor();
  await resolution.getByText(/^due in /).waitFor();
  if (SHOTS) await page.locator(".protocol-panel").screenshot({ path: `${SHOTS}/inbox-reopened-clock.png` });
  assert.equal(await horizontalOverflow(page), 0);
  await assertAxeClean(page);
  await shoot(page, "inbox-reopened");

  // The earlier report is the duplicate: merged into the one being handled, it is declined as such.
  await page.locator(".duplicates a", { hasText: first }).click();
  await page.locator("#detail-heading", { hasText: first }).waitFor();
  await page.getByRole("button", { name: `Merge this report into ${code}` }).click();
  await page.locator(".timeline").getByText("Merged into another report (duplicate)").waitFor();
  await page.locator(".detail-header .badge", { hasText: "Declined" }).waitFor();
  await assertAxeClean(page);
  await shoot(page, "inbox-merged");

  // Validated, and left for a responder of that district to take (next test).
  takeable = await submit(undefined, suite.account("first_responder", 0).scope.districtIds[0]);
  const validated = await page.evaluate(async (c) => {
    const list = await (await fetch(`/api/inbox/reports?q=${c}`)).json();
    const res = await fetch(`/api/inbox/reports/${list.items[0].id}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ decision: "validate" }),
    });
    return res.status;
  }, takeable);
  assert.equal(validated, 200);
});

let takeable = "";

test("a first responder takes unassigned work in their area from the report, and the timeline says to whom", async () => {
  assert.ok(takeable, "the previous test left a validated report");
  const { page } = await suite.open(`/inbox?q=${takeable}`, { viewport: { width: 360, height: 740 } });
  await signIn(page, suite.account("first_responder", 0));
  const row = page.locator(".queue a[data-row]", { hasText: takeable });
  await row.getByText("Not assigned").waitFor();
  await row.click();
  await page.getByRole("heading", { name: "Nobody handles this report" }).waitFor();
  await shoot(page, "inbox-take");
  await page.getByRole("button", { name: "Take this report" }).click();
  await page.locator(".detail-header").getByText("Assigned to you").waitFor();
  await page.locator(".timeline").getByText("Assigned to you").waitFor();
  assert.equal(await page.getByRole("button", { name: "Take this report" }).count(), 0);
  assert.equal(await page.locator(".timeline").getByText("by staff").count(), 0);
  await assertAxeClean(page);
});

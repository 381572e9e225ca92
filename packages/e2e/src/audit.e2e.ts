import assert from "node:assert/strict";
import { test } from "node:test";
import { submitReport } from "../../server/src/testing/inbox-fixtures.js";
import { account, signInAs } from "../../server/src/testing/staff-session.js";
import { assertAxeClean, horizontalOverflow, untranslatedText } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const SHOTS = process.env.SCREENSHOT_DIR;

/** A data manager opens a report in the inbox (behind the UI): one `report.view_personal` event. */
async function dataManagerViewsAReport(): Promise<string> {
  const t = suite.server;
  const district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
  const report = await submitReport(t, district);
  const cookie = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
  const res = await t.app.inject({ method: "GET", url: `/api/inbox/reports/${report.id}`, headers: { cookie } });
  assert.equal(res.statusCode, 200);
  return report.id;
}

test("the auditor filters the log to views of personal data, pages through it and checks its integrity", async () => {
  const reportId = await dataManagerViewsAReport();
  const { page, watch } = await suite.open("/audit");
  await signIn(page, suite.account("auditor"));
  await page.getByRole("heading", { name: "Events, newest first" }).waitFor();
  await page.locator(".audit-event").first().waitFor();

  // Only views of personal data: the data manager's view is there, marked.
  await page.getByLabel("Only views of personal data").check();
  await page.getByRole("button", { name: "Show events" }).click();
  await page.waitForURL(/personal=1/);
  const view = page.locator(".audit-event", { hasText: reportId });
  await view.waitFor();
  assert.match((await view.textContent()) ?? "", /Personal data viewed/);
  assert.match((await view.textContent()) ?? "", /report\.view_personal/);
  assert.match((await view.textContent()) ?? "", new RegExp(suite.account("data_manager").email));
  for (const text of await page.locator(".audit-event").allTextContents())
    assert.match(text, /Personal data viewed/, "only personal-data views are listed");

  // Choosing the entity narrows to everything done to that report; the URL holds it across a reload.
  await view.getByRole("button", { name: `Show only events on report ${reportId}` }).click();
  await page.waitForURL(new RegExp(`entityId=${reportId}`));
  await page.reload();
  await page.locator(".audit-event", { hasText: "report.view_personal" }).waitFor();
  assert.equal(await page.getByLabel("Entity id").inputValue(), reportId);

  // The integrity check runs on the server and names the head of the chain.
  await page.getByRole("button", { name: "Check integrity" }).click();
  const verdict = page.locator(".audit-verdict");
  await verdict.waitFor();
  assert.match((await verdict.textContent()) ?? "", /The audit log is intact: \d+ events? checked\./);
  assert.match((await verdict.locator(".audit-hash").textContent()) ?? "", /^[0-9a-f]{64}$/);

  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  assert.deepEqual(watch.errors, [], "console errors");
  if (SHOTS) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: `${SHOTS}/audit-1366.png`, fullPage: true });
  }
});

test("paging: older events follow by cursor, and the newest page is one link away", async () => {
  const { page } = await suite.open("/audit");
  await signIn(page, suite.account("auditor"));
  await page.locator(".audit-event").first().waitFor();
  const first = await page.locator(".audit-event__seq").first().textContent();
  // The demo's sign-ins alone fill more than one page of 50.
  for (let i = 0; i < 60; i++) await submitReport(suite.server, suite.account("first_responder").scope.districtIds[0]!);
  await page.reload();
  await page.locator(".audit-event").first().waitFor();
  await page.getByRole("link", { name: "Older events" }).click();
  await page.waitForURL(/cursor=\d+/);
  await page.getByRole("heading", { name: "Older events" }).waitFor();
  const olderFirst = Number(((await page.locator(".audit-event__seq").first().textContent()) ?? "").slice(1));
  assert.ok(olderFirst < Number((first ?? "#0").slice(1)) + 60, "the next page starts below the first");
  await page.getByRole("link", { name: "Newest events" }).click();
  await page.getByRole("heading", { name: "Events, newest first" }).waitFor();
});

test("at 360 px the log fits the screen, and every string comes from the catalogs (a system admin reads it too)", async () => {
  const { page } = await suite.open("/audit");
  await signIn(page, suite.account("system_admin"));
  // Signed in on a wide screen (the user menu collapses on a phone); then the phone's width.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.locator(".audit-event").first().waitFor();
  await page.getByRole("button", { name: "Check integrity" }).click();
  await page.locator(".audit-verdict").waitFor();
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling at 360 px");
  await assertAxeClean(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/audit-360.png` });

  await page.goto("/audit?lang=en-XA");
  await page.locator(".audit-event").first().waitFor();
  await page.waitForLoadState("networkidle");
  assert.deepEqual(await untranslatedText(page, "⟦", "⟧"), [], "hard-coded text on /audit");
});

test("a role that may not read the audit log signs in to its own area, and is told so at the log's address", async () => {
  const { page } = await suite.open("/audit");
  await signIn(page, suite.account("analyst"));
  // Signing in on a page the role cannot use lands on the role's home (issue 20 item 15): the analyst's dashboard.
  await page.waitForURL(/\/dashboard/);
  assert.equal(await page.locator(".audit-event").count(), 0);
  await page.goto("/audit");
  await page.getByRole("heading", { name: "Your role cannot use this area" }).waitFor();
  assert.equal(await page.locator(".audit-event").count(), 0);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "drizzle-orm";
import { trackingCodeHash } from "../../server/src/reports/tracking-code.js";
import { freshCode } from "../../server/src/testing/staff-session.js";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { phone, sendReport, submitByApi } from "./support/report-steps.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/**
 * Issue 25 item 4 (ADR 0023): a volunteer practises reporting in the app's Practice mode, marked on every screen; a
 * data manager finds the practice report only in the inbox's Training mode; a country administrator erases the
 * practice reports and prints a guide. (That no live figure, export or notice changes is server/src/reports/
 * training-mode.test.ts.)
 */
const suite = useStaffSuite();
const SHOTS = process.env.E2E_SCREENSHOTS;

test("Practice mode: a banner on every screen, and the report sent is a practice report", async () => {
  const { page } = await suite.open("/app/?practice=1", phone);
  const banner = page.getByRole("region", { name: "Practice mode." });
  await banner.waitFor();
  assert.equal(await horizontalOverflow(page), 0);
  await assertAxeClean(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/practice-app-360.png`, fullPage: true });
  const practiceCode = await sendReport(page);
  await banner.waitFor();
  const [row] = await suite.server.database.rows<{ training: boolean }>(
    sql`SELECT training FROM reports WHERE tracking_code_hash = ${trackingCodeHash(suite.server.cipher, practiceCode)}`,
  );
  assert.equal(row?.training, true);
  await banner.getByRole("button", { name: "Leave practice mode" }).click();
  assert.equal(await banner.count(), 0);
});

test("the inbox shows a practice report in Training mode only", async () => {
  const { page } = await suite.open("/inbox");
  // A practice report in the data manager's district, as the app's Practice mode sends it.
  const code = await submitByApi(page.request, {
    training: true,
    districtId: suite.account("data_manager").scope.districtIds[0],
  });
  await signIn(page, suite.account("data_manager"));
  const rows = page.locator(".queue a[data-row]");
  await rows.first().waitFor();
  assert.equal(await rows.filter({ hasText: code }).count(), 0, "not in the live queue");
  await page.getByRole("button", { name: "Training mode" }).click();
  await page.getByRole("note").getByText("Training mode: practice reports only.").waitFor();
  await rows.filter({ hasText: code }).waitFor();
  await assertAxeClean(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/training-inbox-1366.png`, fullPage: true });
  await rows.filter({ hasText: code }).click();
  await page.getByText("Practice report", { exact: true }).waitFor();
});

test("Set-up → Training: erase the practice reports, print a guide", async () => {
  const { page } = await suite.open("/setup/training", { viewport: { width: 1366, height: 900 } });
  await signIn(page, suite.account("country_admin"));
  await page.getByRole("heading", { name: "Training", level: 1 }).waitFor();
  await page.getByText(/There (is|are) \d+ practice reports?\./).waitFor();
  await assertAxeClean(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/training-setup-1366.png`, fullPage: true });
  await page.getByRole("button", { name: "Erase the practice reports" }).click();
  await page.getByRole("button", { name: "Yes, erase them" }).click();
  await page
    .getByRole("status")
    .getByText(/practice reports? erased\./)
    .waitFor();
  await page.getByText("There are 0 practice reports.").waitFor();
  await page.getByLabel("Guide for").selectOption("responder");
  await page.getByRole("heading", { name: "Handle a report" }).waitFor();
  await page.emulateMedia({ media: "print" });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/training-guide-print.png`, fullPage: true });
  assert.equal(await page.getByRole("navigation").first().isVisible(), false, "only the guide is printed");
});

test("a trainee account: marked in Set-up, its inbox is the training view and a live report does not open", async () => {
  const trainee = suite.account("first_responder");
  const { page: setup } = await suite.open("/setup/staff", { viewport: { width: 1366, height: 900 } });
  const admin = suite.account("system_admin");
  await signIn(setup, admin);
  const row = setup.locator(".accounts-table tbody tr", { hasText: trainee.email });
  await row.getByRole("button", { name: `Mark ${trainee.email} as a trainee` }).click();
  const dialog = setup.getByRole("dialog", { name: "Confirm it is you" });
  await dialog.waitFor();
  await dialog.getByLabel("Your password").fill(admin.password);
  await dialog.getByLabel("6-digit code").fill(freshCode(admin.totpSecret));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await setup.getByText(`${trainee.email} now works on practice reports only.`).waitFor();
  await row.getByText("Trainee", { exact: true }).waitFor();
  if (SHOTS) await setup.screenshot({ path: `${SHOTS}/trainee-accounts-1366.png` });

  const [live] = await suite.server.database.rows<{ id: string }>(
    sql`SELECT id FROM reports WHERE NOT training AND district_id = ${trainee.scope.districtIds[0]} LIMIT 1`,
  );
  const { page } = await suite.open("/inbox");
  await signIn(page, trainee);
  await page.getByRole("note").getByText("Training mode: practice reports only.").waitFor();
  await page
    .getByRole("note")
    .getByText(/Your account is a trainee account/)
    .waitFor();
  assert.equal(await page.getByRole("button", { name: "Training mode" }).count(), 0, "no way out of training mode");
  await assertAxeClean(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/trainee-inbox-1366.png` });
  await page.goto(`/inbox/${live?.id}`);
  await page.getByText("Not found.").first().waitFor();
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { freshCode } from "../../server/src/testing/staff-session.js";
import { assertAxeClean } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

test("a system admin creates a staff account, confirming with password and code when asked", async () => {
  const { page } = await suite.open("/setup/staff");
  const admin = suite.account("system_admin");
  await signIn(page, admin);
  await page.getByRole("heading", { name: "Staff accounts" }).waitFor();
  await page.locator(".accounts-table tbody tr").first().waitFor();
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);

  await page.getByLabel("Email", { exact: true }).fill("new.responder@example.org");
  await page.getByLabel("Name", { exact: true }).fill("New Responder");
  await page.getByLabel("Role").selectOption("first_responder");
  await page.locator(".area-picker input[type=checkbox]").nth(1).check();
  await page.getByLabel("First password").fill("violet-harbour-lantern-92");
  await page.getByRole("button", { name: "Create account" }).click();

  // The server asks for re-authentication first.
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await dialog.waitFor();
  await dialog.getByLabel("Your password").fill(admin.password);
  await dialog.getByLabel("6-digit code").fill(freshCode(admin.totpSecret));
  await dialog.getByRole("button", { name: "Confirm" }).click();

  await page.getByText("Account created for new.responder@example.org.").waitFor();
  const row = page.locator(".accounts-table tbody tr", { hasText: "new.responder@example.org" });
  await row.waitFor();
  assert.match((await row.textContent()) ?? "", /First responder/);
  assert.match((await row.textContent()) ?? "", /not set up/);
});

test("a country admin sees the set-up checklist, not the staff accounts", async () => {
  const { page } = await suite.open("/setup");
  await signIn(page, suite.account("country_admin"));
  await page.getByRole("heading", { name: "Set up your country" }).waitFor();
  assert.equal(await page.getByRole("heading", { name: "Staff accounts" }).count(), 0);
});

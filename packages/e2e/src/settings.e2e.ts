import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/**
 * Issue 13 item 6: the system administrator keeps every run-time setting on one page; a bad value is refused with a
 * message beside the field and nothing is saved; a saved change shows in the history with the value before and after,
 * durations in days, hours and minutes.
 */
const suite = useStaffSuite();

test("settings on one page: a wrong session time is explained, a right one saved and listed in the history", async () => {
  const { page } = await suite.open("/setup", { viewport: { width: 360, height: 740 } });
  await signIn(page, suite.account("system_admin"));
  await page
    .getByRole("navigation", { name: "Set-up sections" })
    .getByRole("link", { name: "Settings", exact: true })
    .click();
  await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
  const sessions = page.getByRole("region", { name: "Staff sessions" });
  const idle = sessions.getByLabel("Sign out after this many minutes without activity");
  await page.waitForFunction(() => document.querySelectorAll('input[type="number"]').length >= 5);
  assert.equal(await idle.inputValue(), "15");
  const storedSessions = async () =>
    (await suite.server.database.exec("SELECT value FROM settings WHERE key = 'security.sessions'")).rows;
  const original = await storedSessions();

  await sessions.getByLabel("Sign out after this many hours in any case").fill("1");
  await idle.fill("90");
  await sessions.getByRole("button", { name: "Save session times" }).click();
  await sessions.getByText("The time without activity cannot be longer than the longest session.").waitFor();
  assert.equal(await idle.getAttribute("aria-invalid"), "true");
  await assertAxeClean(page);
  assert.deepEqual(await storedSessions(), original, "nothing saved");

  await sessions.getByLabel("Sign out after this many hours in any case").fill("2");
  await sessions.getByRole("button", { name: "Save session times" }).click();
  await sessions.getByText("Saved.").waitFor();
  const history = page.getByRole("region", { name: "History of changes" });
  await history
    .getByText("Before: idle 15 minutes, longest 12 hours. After: idle 1 hour 30 minutes, longest 2 hours.")
    .waitFor();
  await history.getByText(suite.account("system_admin").email, { exact: false }).waitFor();

  const registration = page.getByRole("region", { name: "Registration with the TB programme" });
  await registration.getByLabel("Reporters must be registered with the programme").setChecked(false);
  await registration.getByRole("button", { name: "Save the registration rule" }).click();
  await history.getByText("Before: required. After: not required.").waitFor();

  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  if (process.env.E2E_SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/settings-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/settings-1366.png`, fullPage: true });
  }
  assert.deepEqual((await storedSessions())[0]?.value, { idleMinutes: 90, maxHours: 2 });
});

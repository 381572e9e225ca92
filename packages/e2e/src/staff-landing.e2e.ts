import assert from "node:assert/strict";
import { test } from "node:test";
import { freshCode } from "../../server/src/testing/staff-session.js";
import { enterPassword, signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const SHOTS = process.env.SCREENSHOT_DIR;

test("a peer supporter who signs in is led to reporting on someone's behalf in the app", async () => {
  const { page } = await suite.open("/inbox", { viewport: { width: 360, height: 740 } });
  const peer = suite.account("peer_supporter");
  await enterPassword(page, peer);
  await page.getByLabel("6-digit code").fill(freshCode(peer.totpSecret));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(/\/app\/report/);
  assert.equal(await page.getByRole("heading", { name: "Your role cannot use this area" }).count(), 0);
});

test("the staff menu offers only the areas the role can use", async () => {
  const { page } = await suite.open("/dashboard", { viewport: { width: 1366, height: 800 } });
  const nav = page.getByRole("navigation", { name: "Staff areas" });
  await nav.getByRole("link", { name: "Set-up" }).waitFor();
  await signIn(page, suite.account("analyst"));
  await nav.getByRole("link", { name: "Accountability dashboard" }).waitFor();
  await nav.getByRole("link", { name: "Set-up" }).waitFor({ state: "detached" });
  assert.deepEqual(await nav.getByRole("link").allTextContents(), ["Accountability dashboard"]);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/staff-nav-analyst-1366.png` });
  await page.setViewportSize({ width: 360, height: 740 });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/staff-nav-analyst-360.png` });
});

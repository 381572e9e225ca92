import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { h1, holdsCode, phone, sendReport, storage } from "./support/report-steps.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/**
 * Issue 12 item 5: "keep this report on this phone?" starts as the programme's setting says. A system administrator
 * turns it off for a programme whose reports come from facility kiosks; a kiosk then keeps nothing unless asked.
 */
const suite = useStaffSuite();
const keepThis = (page: Page) => page.getByRole("checkbox", { name: /^Keep this report on this phone/ });

async function setKeepDefault(keep: boolean, viewport: { width: number; height: number }): Promise<void> {
  const { page } = await suite.open("/setup/settings", { viewport });
  await signIn(page, suite.account("system_admin"));
  await page.getByRole("heading", { name: "Phones and kiosks" }).waitFor();
  const box = page.getByRole("checkbox", { name: "Keep sent reports on the phone unless the person unticks it" });
  assert.equal(await box.isChecked(), !keep, "it starts from the other answer");
  await box.setChecked(keep);
  await page
    .getByText(
      keep ? "Saved: sent reports are kept on the phone unless" : "Saved: sent reports are kept on the phone only if",
    )
    .waitFor();
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  if (process.env.E2E_SCREENSHOTS) {
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Phones and kiosks" }) });
    await section.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/kiosk-setup-${viewport.width}.png` });
  }
}

test("the keep-on-phone choice starts as the programme's setting says: off for kiosks, on again when turned back", async () => {
  // A personal phone under the default: kept unless unticked.
  const before = await suite.open("/app", phone);
  const first = await sendReport(before.page);
  assert.equal(await keepThis(before.page).isChecked(), true);
  assert.ok(holdsCode(await storage(before.page), first));

  await setKeepDefault(false, { width: 1366, height: 900 });
  const kiosk = await suite.open("/app", phone);
  const code = await sendReport(kiosk.page);
  assert.equal(await keepThis(kiosk.page).isChecked(), false, "a kiosk keeps nothing by default");
  assert.ok(!holdsCode(await storage(kiosk.page), code), "the code is nowhere on the device");
  await assertAxeClean(kiosk.page);
  // The person may still keep it (opt-in).
  await keepThis(kiosk.page).check();
  assert.ok(holdsCode(await storage(kiosk.page), code));
  await kiosk.page.goto(`${suite.url}/app/my-reports`);
  await h1(kiosk.page, "My reports");
  const deviceDefault = kiosk.page.getByRole("checkbox", { name: /^Keep the reports I send on this phone/ });
  assert.equal(await deviceDefault.isChecked(), false, "My reports shows the programme's default");

  await setKeepDefault(true, phone.viewport);
  const later = await suite.open("/app", phone);
  const kept = await sendReport(later.page);
  assert.equal(await keepThis(later.page).isChecked(), true);
  assert.ok(holdsCode(await storage(later.page), kept));
});

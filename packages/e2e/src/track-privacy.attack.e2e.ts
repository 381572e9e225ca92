import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean } from "./support/checks.js";
import { h1, holdsCode, sendReport, storage } from "./support/report-steps.js";
import { unexpectedErrors, useReportSuite } from "./support/report-suite.js";

/**
 * Attack: someone picks up a phone a reporter used (a shared phone, a facility kiosk) and looks in the browser's
 * history, address bar or storage for tracking codes, which open the report's conversation and consent.
 */
const suite = useReportSuite();
const phone = { viewport: { width: 360, height: 740 } };

/** Every address the tab showed, same-document changes (pushState/replaceState) included. */
function recordAddresses(page: Page): string[] {
  const seen: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) seen.push(frame.url());
  });
  return seen;
}

test("after sending, opening and reopening a report, no address the tab showed holds its code", async () => {
  const { page, watch } = await suite.open("/app", phone);
  const addresses = recordAddresses(page);
  const code = await sendReport(page);
  await page.getByRole("link", { name: "See my report" }).click();
  await h1(page, "Your report");
  await page.getByText("Received. A team will look at it soon.").waitFor();
  await page.getByRole("link", { name: "Back to My reports" }).click();
  await h1(page, "My reports");
  await page.locator(".report-item__link", { hasText: code }).click();
  await h1(page, "Your report");
  await page.getByText("Received. A team will look at it soon.").waitFor();
  // A reload forgets the open report (it was in memory only) and asks for a code.
  await page.reload();
  await h1(page, "Your report");
  await page.getByLabel("Tracking code").fill(code);
  await page.getByRole("button", { name: "Open" }).click();
  await page.getByText("Received. A team will look at it soon.").waitFor();
  await assertAxeClean(page);
  assert.ok(addresses.length >= 4, addresses.join(" "));
  assert.deepEqual(
    addresses.filter((a) => holdsCode(a, code)),
    [],
  );
  assert.deepEqual(unexpectedErrors(watch), []);
});

test("an old link with the code in it opens the report and takes the code out of the address", async () => {
  const { page } = await suite.open("/app", phone);
  const code = await sendReport(page);
  await page.goto(`${suite.url}/app/track/${code}`);
  await page.getByText("Received. A team will look at it soon.").waitFor();
  assert.ok(!holdsCode(page.url(), code), page.url());
  // The entry the link made now holds the neutral address: Back does not lead to one with the code.
  assert.ok(!holdsCode(await page.evaluate(() => location.href), code));
});

test("unticking 'keep this report on this phone' leaves the code nowhere in the phone's storage", async () => {
  const { page } = await suite.open("/app", phone);
  const code = await sendReport(page);
  const keep = page.getByRole("checkbox", { name: /^Keep this report on this phone/ });
  assert.equal(await keep.isChecked(), true, "kept by default on a personal phone");
  assert.ok(holdsCode(await storage(page), code));
  await keep.uncheck();
  assert.ok(!holdsCode(await storage(page), code), "nothing stored");
  await page.reload();
  assert.ok(!holdsCode(await storage(page), code), "nothing stored after a reload either");
});

test("with 'keep the reports I send' turned off, a sent report is not kept", async () => {
  const { page } = await suite.open("/app/my-reports", phone);
  await page.getByRole("checkbox", { name: /^Keep the reports I send on this phone/ }).uncheck();
  await page.getByRole("link", { name: "Back to home" }).click();
  const code = await sendReport(page);
  assert.equal(await page.getByRole("checkbox", { name: /^Keep this report on this phone/ }).isChecked(), false);
  assert.ok(!holdsCode(await storage(page), code));
});

test("shared-device mode, set once by the address, keeps nothing and is remembered across reloads", async () => {
  const { page, watch } = await suite.open("/app?device=shared", phone);
  await page.waitForURL((u) => !u.search.includes("device="));
  await page.reload();
  const code = await sendReport(page);
  await page.getByText("This is a shared phone").waitFor();
  assert.equal(await page.getByRole("checkbox", { name: /^Keep this report/ }).count(), 0);
  assert.ok(!holdsCode(await storage(page), code), "nothing stored");
  await page.goto(`${suite.url}/app/my-reports`);
  await page.getByText("This is a shared phone").waitFor();
  await page.getByText("There are no reports on this phone yet.").waitFor();
  await assertAxeClean(page);
  assert.deepEqual(unexpectedErrors(watch), []);
});

test("quick exit forgets the saved codes when the person chose 'clear on exit'", async () => {
  const { page } = await suite.open("/app", phone);
  const code = await sendReport(page);
  await page.getByRole("link", { name: "Back to home" }).click();
  await page.getByRole("link", { name: /My reports/ }).click();
  await page.locator(".report-item__code", { hasText: code }).waitFor();
  await page.getByRole("checkbox", { name: /^Forget my saved reports when I use Quick exit/ }).check();
  await assertAxeClean(page);
  await page.getByRole("button", { name: "Quick exit" }).click();
  await page.waitForURL(/\/blank\.html$/);
  assert.ok(!holdsCode(await storage(page), code), "the saved code is gone");
});

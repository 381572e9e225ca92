import assert from "node:assert/strict";
import crypto from "node:crypto";
import { test } from "node:test";
import type { BrowserContextOptions, Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

/** One sign-in for the file (codes cannot be reused within 30 s); every test gets its own context with the cookie. */
let signedIn: Promise<BrowserContextOptions["storageState"]> | undefined;

function signedInState() {
  signedIn ??= (async () => {
    const { page, context } = await suite.open("/inbox");
    await signIn(page, suite.account("data_manager"));
    const state = await context.storageState();
    await context.close();
    return state;
  })();
  return signedIn;
}

async function openInbox(path = "/inbox", opts: BrowserContextOptions = {}): Promise<Page> {
  const opened = await suite.open(path, { storageState: await signedInState(), ...opts });
  await opened.page.locator(".queue a[data-row]").first().waitFor();
  return opened.page;
}

/** Submits a report the way the community app does, in a district the data manager covers. */
async function submitReport(description = "Turned away at the clinic"): Promise<string> {
  const config = (await (await fetch(`${suite.url}/api/config?lang=en`)).json()) as {
    taxonomy: { code: string; subcategories: { code: string }[] }[];
  };
  const category = config.taxonomy[0]!;
  const res = await fetch(`${suite.url}/api/reports`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      clientId: crypto.randomUUID(),
      channel: "web",
      reporterMode: "self",
      categoryCode: category.code,
      subcategoryCode: category.subcategories[0]!.code,
      districtId: suite.account("data_manager").scope.districtIds[0],
      description,
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { trackingCode: string }).trackingCode;
}

test("a new report appears in an open inbox without a reload (live events)", async () => {
  const page = await openInbox();
  await page.evaluate(() => {
    (window as unknown as { marker: boolean }).marker = true;
  });
  const code = await submitReport();
  await page.locator(".queue a[data-row]", { hasText: code }).waitFor({ timeout: 8000 });
  // Same document: nothing reloaded the page.
  assert.equal(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker), true);
  // The live region is cleared and refilled 50 ms later (so a repeated sentence is announced again): wait for it.
  await page
    .getByRole("status")
    .filter({ hasText: /new report/ })
    .waitFor({ timeout: 5000 });
});

test("a change made elsewhere shows in an open inbox without a reload (live events)", async () => {
  const code = await submitReport();
  const page = await openInbox(`/inbox?q=${code}`);
  await page.evaluate(() => {
    (window as unknown as { marker: boolean }).marker = true;
  });
  const row = page.locator(".queue a[data-row]", { hasText: code });
  await row.locator(".badge", { hasText: "New" }).waitFor();
  const id = (await row.getAttribute("href"))!.match(/inbox\/([0-9a-f-]{36})/)![1]!;
  // A colleague (another browser) validates it.
  const other = await suite.open("/", { storageState: await signedInState() });
  const status = await other.page.evaluate(async (reportId) => {
    const res = await fetch(`/api/inbox/reports/${reportId}/decision`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ decision: "validate" }),
    });
    return res.status;
  }, id);
  assert.equal(status, 200);
  await row.locator(".badge", { hasText: "Validated" }).waitFor({ timeout: 8000 });
  assert.equal(await page.evaluate(() => (window as unknown as { marker?: boolean }).marker), true);
});

test("a data manager opens a new report and validates it; the status changes", async () => {
  const code = await submitReport();
  const page = await openInbox(`/inbox?q=${code}`);
  await page.locator(".queue a[data-row]", { hasText: code }).click();
  const heading = page.locator("#detail-heading");
  await heading.filter({ hasText: code }).waitFor();
  // Personal data is visible to the data manager.
  await page.getByText("Turned away at the clinic").waitFor();
  const validate = page.locator("#action-validate");
  assert.equal(await validate.getAttribute("aria-keyshortcuts"), "v");
  await validate.click();
  await page.locator(".detail-header .badge", { hasText: "Validated" }).waitFor();
  await page.locator(".queue a[data-row]", { hasText: code }).locator(".badge", { hasText: "Validated" }).waitFor();
  // Now the progress actions are offered, and validating again is not.
  assert.equal(await page.locator("#action-validate").count(), 0);
  await page.getByLabel("New status").waitFor();
});

test("a stale version is refused, the latest is loaded and the person is told", async () => {
  const code = await submitReport();
  const page = await openInbox(`/inbox?q=${code}`);
  await page.locator(".queue a[data-row]", { hasText: code }).click();
  await page.locator("#detail-heading").filter({ hasText: code }).waitFor();
  // Someone else adds a note (bumping the version) while this page still shows the old one.
  const id = page.url().match(/inbox\/([0-9a-f-]{36})/)![1]!;
  await page.evaluate(async (reportId) => {
    // The live refresh would pick the change up; stop it so the page keeps the stale version.
    await fetch(`/api/inbox/reports/${reportId}/notes`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ body: "Checked by phone" }),
    });
  }, id);
  await page.getByLabel("Reason for declining").selectOption("spam");
  await page.getByRole("button", { name: "Decline", exact: true }).click();
  // Either the live event already reloaded the report (decline then succeeds), or the conflict is explained.
  await page
    .locator(".detail-header .badge", { hasText: "Declined" })
    .or(page.getByText("Someone else changed this report"))
    .first()
    .waitFor();
});

test("bulk: two new reports selected (x on a row, then its checkbox) are validated in one go", async () => {
  const [a, b] = [await submitReport(), await submitReport()];
  const page = await openInbox("/inbox?status=submitted");
  const rowOf = (code: string) => page.locator(".queue-row", { hasText: code });
  await rowOf(a).locator("a[data-row]").focus();
  await page.keyboard.press("x");
  assert.equal(await rowOf(a).getByRole("checkbox").isChecked(), true, "x selects the focused row");
  await rowOf(b).getByRole("checkbox").check();
  await page.getByRole("heading", { name: "2 reports selected" }).waitFor();
  await page.getByRole("button", { name: "Validate selected" }).click();
  await page.getByRole("status").filter({ hasText: "2 reports updated." }).waitFor({ timeout: 8000 });
  // Validated, they leave the "new" queue.
  await rowOf(a).waitFor({ state: "detached" });
  await rowOf(b).waitFor({ state: "detached" });
});

test("a saved view keeps the current filters and applies them again", async () => {
  const page = await openInbox("/inbox?status=validated&sort=oldest");
  await page.getByText("Views", { exact: true }).click();
  await page.getByLabel("Name for the current filters").fill("Validated, oldest first");
  await page.getByRole("button", { name: "Save view" }).click();
  const apply = page.getByRole("button", { name: "Show “Validated, oldest first”" });
  await apply.waitFor();
  await page.goto(`${suite.url}/inbox`);
  await page.getByText("Views", { exact: true }).click();
  await apply.click();
  await page.waitForURL(/status=validated/);
  assert.match(page.url(), /sort=oldest/);
  await page.getByRole("button", { name: "Delete the view “Validated, oldest first”" }).click();
  await apply.waitFor({ state: "detached" });
});

test("the search box finds a report by whole words of its description, whatever their accents and case", async () => {
  const marker = crypto.randomBytes(4).toString("hex");
  const code = await submitReport(`Médicaments refusés, Zèbre${marker}`);
  const page = await openInbox();
  const box = page.getByLabel("Search reports");
  assert.match((await box.getAttribute("aria-describedby")) ?? "", /inbox-search-hint/);
  await box.fill(`MEDICAMENTS zebre${marker}`);
  await box.press("Enter");
  await page.waitForURL(/q=MEDICAMENTS/);
  // The new report heads the unfiltered queue too: wait for the search's answer (one row), not for the row alone.
  await page.waitForFunction(() => document.querySelectorAll(".queue a[data-row]").length === 1);
  await page.locator(".queue a[data-row]", { hasText: code }).waitFor();
});

test("keyboard: j moves through the queue, Enter opens, ? lists the shortcuts", async () => {
  const page = await openInbox();
  await page.keyboard.press("j");
  const first = await page.evaluate(() => document.activeElement?.getAttribute("href"));
  assert.match(first ?? "", /^\/inbox\/[0-9a-f-]{36}/);
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), first);
  await page.keyboard.press("Enter");
  await page.locator("#detail-heading").waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "detail-heading");
  await page.keyboard.press("?");
  await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
  assert.ok((await page.locator(".shortcut-list > div").count()) >= 10);
});

for (const viewport of [
  { width: 360, height: 740 },
  { width: 1280, height: 900 },
]) {
  test(`the inbox list and an open report are axe-clean at ${viewport.width} px`, async () => {
    const page = await openInbox("/inbox", { viewport });
    await page.waitForLoadState("networkidle");
    await assertAxeClean(page);
    assert.equal(await horizontalOverflow(page), 0, "no horizontal scroll");
    await page.locator(".queue a[data-row]").first().click();
    await page.locator(".detail-header").waitFor();
    await page.waitForLoadState("networkidle");
    await assertAxeClean(page);
    assert.equal(await horizontalOverflow(page), 0, "no horizontal scroll");
    if (viewport.width < 600) {
      // On a phone the report replaces the list, with a way back.
      assert.equal(await page.locator(".inbox__queue").isVisible(), false);
      await page.getByRole("button", { name: "Back to the list" }).click();
      await page.locator(".inbox__queue").waitFor();
    }
  });
}

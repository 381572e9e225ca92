import assert from "node:assert/strict";
import { test } from "node:test";
import type { APIRequestContext, Page } from "playwright-core";
import { trackingCodeHash } from "../../server/src/reports/tracking-code.js";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { submitByApi } from "./support/report-steps.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const SHOTS = process.env.E2E_SCREENSHOTS ?? "/tmp";

const submit = (request: APIRequestContext) =>
  submitByApi(request, { description: "The nurse Amina told my neighbours", contact: { phone: "+258 84 123 4567" } });

async function openByCode(page: Page, code: string): Promise<void> {
  await page.getByRole("link", { name: /My reports/ }).click();
  await page.getByRole("heading", { level: 1, name: "My reports" }).waitFor();
  await page.getByLabel("Tracking code").fill(code);
  await page.getByRole("button", { name: "Open" }).click();
  await page.getByRole("heading", { level: 1, name: "Your report" }).waitFor();
}

test("a reporter deletes a report from the track page, after confirming; the code then finds nothing", async () => {
  const { page } = await suite.open("/app", { viewport: { width: 360, height: 740 } });
  await pageHeading(page);
  const code = await submit(page.request);
  const { database, cipher } = suite.server;
  const [{ id } = { id: "" }] = (
    await database.exec("SELECT id FROM reports WHERE tracking_code_hash = $1", [trackingCodeHash(cipher, code)])
  ).rows as { id: string }[];
  await database.exec(`INSERT INTO report_messages (report_id, "from", body_enc) VALUES ($1, 'responder', $2)`, [
    id,
    cipher.encrypt("Please call me back, Amina"),
  ]);

  await openByCode(page, code);
  await page.getByText("Please call me back, Amina").waitFor();
  await page.getByRole("button", { name: "Keep this report on this phone" }).click();

  const box = page.getByRole("region", { name: "Delete this report" });
  await box.getByRole("button", { name: "Delete this report" }).click();
  // The confirmation takes focus, says it cannot be undone, and "No" changes nothing.
  const ask = page.getByRole("heading", { name: "Delete this report for good?" });
  await ask.waitFor();
  assert.equal(await ask.evaluate((el) => el === document.activeElement), true, "the question takes focus");
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/erasure-confirm-360.png`, fullPage: false });
  await box.getByRole("button", { name: "No, keep it" }).click();
  await box.getByRole("button", { name: "Delete this report" }).waitFor();
  assert.equal((await page.request.post("/api/reports/track", { data: { trackingCode: code } })).status(), 200);

  await box.getByRole("button", { name: "Delete this report" }).click();
  await box.getByRole("button", { name: "Yes, delete it" }).click();
  const done = page.getByRole("heading", { name: "Your report was deleted." });
  await done.waitFor();
  assert.equal(await done.evaluate((el) => el === document.activeElement), true, "the outcome takes focus");
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  await page.screenshot({ path: `${SHOTS}/erasure-done-360.png`, fullPage: true });

  // The code is gone on the server (404 like an unknown code) and from this phone's list.
  assert.equal((await page.request.post("/api/reports/track", { data: { trackingCode: code } })).status(), 404);
  const row = (
    await database.exec(
      "SELECT tracking_code_hash, description_enc, phone_enc, erased_by, category_code FROM reports WHERE id = $1",
      [id],
    )
  ).rows[0];
  assert.deepEqual(
    { ...row, category_code: undefined },
    {
      tracking_code_hash: null,
      description_enc: null,
      phone_enc: null,
      erased_by: "reporter",
      category_code: undefined,
    },
  );
  assert.ok(row?.category_code, "the de-identified facts stay");
  await page.getByRole("link", { name: "Back to My reports" }).click();
  await page.getByRole("heading", { level: 1, name: "My reports" }).waitFor();
  assert.equal(await page.locator(".report-item__code", { hasText: code }).count(), 0);
});

test("staff see an erased report as erased by the reporter, with no way to write to it", async () => {
  const { page: app } = await suite.open("/app");
  const code = await submit(app.request);
  const { database, cipher } = suite.server;
  const [{ id } = { id: "" }] = (
    await database.exec("SELECT id FROM reports WHERE tracking_code_hash = $1", [trackingCodeHash(cipher, code)])
  ).rows as { id: string }[];
  assert.equal((await app.request.post("/api/reports/track/erase", { data: { trackingCode: code } })).status(), 200);

  const { page } = await suite.open("/inbox", { viewport: { width: 1366, height: 900 } });
  await signIn(page, suite.account("data_manager"));
  await page.goto(`${suite.url}/inbox/${id}`);
  await page
    .locator(".detail-header")
    .getByText(/^Erased by the reporter on /)
    .waitFor();
  await page.getByText("The reporter's personal data, messages and notes were erased.").waitFor();
  // The message and note forms (the decision panel's own note is about validating, which an erased report still
  // needs: it keeps counting).
  assert.equal(
    await page.locator(".detail-main form.text-entry").count(),
    0,
    "neither a message nor a note can be written",
  );
  assert.equal(await page.locator(".detail-header .code").count(), 0, "no empty tracking code");
  await assertAxeClean(page);
  await page.screenshot({ path: `${SHOTS}/erasure-staff-1366.png`, fullPage: false });
});

test("the system administrator sets the retention rules in Set-up; a bad pair is refused", async () => {
  const { page } = await suite.open("/setup/settings", { viewport: { width: 360, height: 740 } });
  await signIn(page, suite.account("system_admin"));
  const section = page.getByRole("region", { name: "Retention of personal data" });
  const messages = section.getByLabel("Messages and notes: months after closure");
  const personal = section.getByLabel("Other personal data: months after closure");
  await page.waitForFunction(
    () => (document.querySelector<HTMLInputElement>('input[type="number"]')?.value ?? "") !== "",
  );
  assert.equal(await messages.inputValue(), "12");
  assert.equal(await personal.inputValue(), "24");

  await messages.fill("30");
  await section.getByRole("button", { name: "Save retention rules" }).click();
  await section.getByRole("alert").waitFor();
  await messages.fill("6");
  await personal.fill("36");
  await section.getByRole("button", { name: "Save retention rules" }).click();
  await section.getByText("Retention rules saved.").waitFor();
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/erasure-retention-setup-360.png` });
  const stored = (await suite.server.database.exec("SELECT value FROM settings WHERE key = 'retention'")).rows[0];
  assert.deepEqual(stored?.value, { personalDataMonths: 36, messagesMonths: 6, ratingCommentMonths: 12 });
});

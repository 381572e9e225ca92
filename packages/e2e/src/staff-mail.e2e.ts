import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startFakeSmtp } from "../../server/src/testing/fake-smtp.js";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/**
 * Issue 14 item 5: a responder chooses their e-mail notifications on their account page; a system administrator sets
 * up the SMTP server (the password never shown again) and sends a test e-mail that a real SMTP server on 127.0.0.1
 * receives — both on a phone-sized screen, by keyboard-reachable controls, axe-clean. (Who is mailed what, the
 * digest and the retries are in the server test notifications/staff-mail.test.ts.)
 */
const suite = useStaffSuite();
const SHOTS = process.env.E2E_SHOTS_DIR;
let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;

before(async () => {
  smtp = await startFakeSmtp({ user: "clm-mailer", pass: "smtp-password-e2e-0001" });
});
after(async () => smtp?.close());

test("a responder chooses e-mail at once on their account page, and the choice stays", async () => {
  const { page } = await suite.open("/account", { viewport: { width: 360, height: 740 } });
  await signIn(page, suite.account("first_responder"));
  const form = page.getByRole("form", { name: "E-mail notifications" });
  await form.waitFor();
  // The daily digest by default (checked once the choice has loaded).
  await form.getByRole("radio", { name: "Once a day, all together (daily digest)", checked: true }).waitFor();
  await form.getByRole("radio", { name: "At once, one e-mail each" }).check();
  await form.getByRole("button", { name: "Save my choice" }).click();
  await form.getByRole("status").getByText("Saved.").waitFor();
  assert.equal(await horizontalOverflow(page), 0);
  await assertAxeClean(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/account-360.png`, fullPage: true });
  await page.reload();
  await page.getByRole("radio", { name: "At once, one e-mail each", checked: true }).waitFor();
});

test("a system administrator sets up SMTP, the password is never shown again, and the test e-mail arrives", async () => {
  const { page } = await suite.open("/setup/channels", { viewport: { width: 360, height: 740 } });
  const admin = suite.account("system_admin");
  await signIn(page, admin);
  const section = page.getByRole("form", { name: "E-mail to staff (SMTP)" });
  await section.waitFor();
  await section.getByLabel("SMTP server").fill("127.0.0.1");
  await section.getByLabel("Port", { exact: true }).fill(String(smtp.port));
  await section.getByLabel("User name").fill("clm-mailer");
  await section.getByLabel("Password", { exact: true }).fill("smtp-password-e2e-0001");
  await section.getByLabel("Sender address").fill("clm@example.org");
  await section.getByRole("button", { name: "Save the SMTP settings" }).click();
  await section.getByText("Set. Stored, never shown.", { exact: false }).waitFor();
  assert.equal(await section.getByLabel("Password", { exact: true }).inputValue(), "", "never shown again");

  await page.getByRole("button", { name: "Send a test e-mail to me" }).click();
  await page.getByText(`The test e-mail went to ${admin.email}.`).waitFor();
  assert.equal(smtp.to(admin.email).length, 1);
  assert.equal(await horizontalOverflow(page), 0);
  await assertAxeClean(page);
  if (SHOTS) {
    await page.getByRole("heading", { name: "E-mail to staff (SMTP)" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/smtp-360.png`, fullPage: true });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: `${SHOTS}/smtp-1366.png`, fullPage: true });
  }
});

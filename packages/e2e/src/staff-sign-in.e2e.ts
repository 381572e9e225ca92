import assert from "node:assert/strict";
import { test } from "node:test";
import { pageHeading } from "./support/checks.js";
import { enterPassword, signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

test("a data manager signs in with password and authenticator code and reaches the inbox", async () => {
  const { page, watch } = await suite.open("/inbox");
  assert.equal(await pageHeading(page), "Inbox");
  const code = page.getByLabel("Email");
  await code.waitFor();
  await signIn(page, suite.account("data_manager"));
  // The queue, and who is signed in.
  await page.locator(".queue a[data-row]").first().waitFor();
  assert.match((await page.locator(".user-menu summary").textContent()) ?? "", /Data manager/);
  assert.deepEqual(watch.errors, [], "console errors");
});

test("the code field is made for one-time codes", async () => {
  const { page } = await suite.open("/inbox");
  await enterPassword(page, suite.account("first_responder"));
  const field = page.getByLabel("6-digit code");
  assert.equal(await field.getAttribute("autocomplete"), "one-time-code");
  assert.equal(await field.getAttribute("inputmode"), "numeric");
  // The heading of the new step takes focus, so screen readers follow.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H2");
});

test("a wrong code is refused with a translated error", async () => {
  const { page } = await suite.open("/inbox?lang=fr");
  const account = suite.account("country_admin");
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Continuer" }).click();
  await page.getByLabel("Code à 6 chiffres").fill("000000");
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  assert.equal((await alert.textContent())?.trim(), "Le code est incorrect.");
});

test("an analyst signing in at the inbox lands on the dashboard; the inbox's address says where to go instead", async () => {
  const { page } = await suite.open("/inbox");
  await signIn(page, suite.account("analyst"));
  await page.waitForURL(/\/dashboard/);
  await page.goto("/inbox");
  await page.getByRole("heading", { name: "Your role cannot use this area" }).waitFor();
  assert.equal(await page.locator(".queue").count(), 0);
  assert.equal(await page.locator('main a[href="/dashboard"]').count(), 1);
});

test("signing out brings back the sign-in form, and the session is gone", async () => {
  const { page } = await suite.open("/setup");
  await signIn(page, suite.account("auditor"));
  await page.waitForURL(/\/audit/); // the auditor's own area
  await page.locator(".user-menu summary").click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByText("You are signed out.").waitFor();
  const me = await page.evaluate(() => fetch("/api/me").then((r) => r.status));
  assert.equal(me, 401);
});

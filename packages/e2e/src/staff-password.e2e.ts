import assert from "node:assert/strict";
import { test } from "node:test";
import { insertUser } from "../../server/src/identity/identity.repo.js";
import { hashPassword } from "../../server/src/identity/passwords.js";
import { freshCode } from "../../server/src/testing/staff-session.js";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { choosePassword, enrolAndSignIn, enterPassword, signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const phone = { viewport: { width: 360, height: 740 } };

test("a staff member changes their password from the user menu; a wrong current password changes nothing", async () => {
  const { page } = await suite.open("/dashboard");
  const analyst = suite.account("analyst");
  await signIn(page, analyst);
  await page.locator(".user-menu summary").click();
  await page.getByRole("link", { name: "Change password" }).click();
  await page.getByRole("heading", { name: "Change password" }).waitFor();
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);

  await choosePassword(page, { label: "Current password", value: "not-my-password-at-all" }, "amber-meadow-compass-41");
  await page.getByRole("alert").filter({ hasText: "The current password is not correct." }).waitFor();
  await choosePassword(page, { label: "Current password", value: analyst.password }, "amber-meadow-compass-41");
  await page.getByText("Your password was changed. Other devices were signed out.").waitFor();

  // The new password is the one that works now.
  const other = await suite.open("/dashboard");
  await enterPassword(other.page, { email: analyst.email, password: analyst.password });
  await other.page.getByRole("alert").waitFor();
  await other.page.getByLabel("Password").fill("amber-meadow-compass-41");
  await other.page.getByRole("button", { name: "Continue" }).click();
  await other.page.getByLabel("6-digit code").waitFor();
});

test("an account an admin created must choose its own password at first sign-in before anything opens", async () => {
  // An account as an administrator makes it: a password they chose, so a change is due (identity tests cover the API).
  const responder = suite.account("first_responder");
  await insertUser(suite.server.database.db, {
    email: "first.time@example.org",
    role: "first_responder",
    scopeAreaIds: responder.scope.areaIds,
    passwordHash: await hashPassword("given-by-the-admin-1234"),
    mustChangePassword: true,
  });

  const { page, watch } = await suite.open("/inbox", phone);
  await enrolAndSignIn(page, "first.time@example.org", "given-by-the-admin-1234");
  await page.getByRole("heading", { name: "Choose your own password" }).waitFor();
  assert.equal(await page.locator(".inbox-queue, .queue").count(), 0, "the inbox does not open");
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  await choosePassword(
    page,
    { label: "Password you were given", value: "given-by-the-admin-1234" },
    "my-own-secret-river-88",
  );
  await page.getByRole("heading", { name: "Choose your own password" }).waitFor({ state: "detached" });
  await page.getByRole("heading", { name: "Inbox", exact: true }).waitFor();
  assert.deepEqual(watch.errors, [], "nothing behind the form was called and refused");
});

test("an admin resets a password: the one-time link sets a new one and the second factor is set up again", async () => {
  const { page } = await suite.open("/setup/staff");
  const admin = suite.account("system_admin");
  await signIn(page, admin);
  const target = suite.account("auditor");
  await page.getByRole("button", { name: `Reset the password of ${target.email}` }).click();
  await page.getByRole("button", { name: "Reset and create link" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await dialog.waitFor();
  await dialog.getByLabel("Your password").fill(admin.password);
  await dialog.getByLabel("6-digit code").fill(freshCode(admin.totpSecret));
  await dialog.getByRole("button", { name: "Confirm" }).click();
  const link = page.getByLabel("One-time reset link");
  await link.waitFor();
  const url = await link.inputValue();
  assert.match(url, /\/reset-password#[A-Za-z0-9_-]{43}$/);
  await assertAxeClean(page);

  const person = await suite.open(new URL(url).pathname + new URL(url).hash, phone);
  await person.page.getByRole("heading", { name: "Choose a new password" }).waitFor();
  assert.equal(new URL(person.page.url()).hash, "", "the token leaves the address bar");
  await assertAxeClean(person.page);
  assert.equal(await horizontalOverflow(person.page), 0, "usable at 360 px");
  await person.page.getByLabel("New password", { exact: true }).fill("fresh-start-lighthouse-5");
  await person.page.getByLabel("New password again", { exact: true }).fill("fresh-start-lighthouse-5");
  await person.page.getByRole("button", { name: "Set password" }).click();
  await person.page.getByRole("heading", { name: "Your new password is set" }).waitFor();
  await person.page.getByRole("link", { name: "Sign in" }).click();
  await enrolAndSignIn(person.page, target.email, "fresh-start-lighthouse-5");
  await person.page.locator(".user-menu").waitFor();
});

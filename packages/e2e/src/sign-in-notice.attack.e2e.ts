import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

/** Issue 22 item 3: the account owner is told about failed sign-in attempts when they next sign in. */
test("after failed attempts on the account, the owner sees them at sign-in and can dismiss the notice", async () => {
  const owner = suite.account("analyst");
  const { page } = await suite.open("/dashboard");
  for (let i = 0; i < 3; i++) {
    const res = await page.request.post("/api/auth/login", { data: { email: owner.email, password: `wrong-${i}-pw` } });
    assert.equal(res.status(), 401);
  }
  await signIn(page, owner);
  const notice = page.getByRole("region", { name: "Sign-in attempts on your account" });
  await notice.waitFor();
  assert.match((await notice.textContent()) ?? "", /3 failed sign-in attempts on your account since your last sign-in/);
  await assertAxeClean(page);
  await notice.getByRole("button", { name: "Understood" }).click();
  await notice.waitFor({ state: "detached" });
  await page.reload();
  await page.locator(".user-menu").waitFor();
  assert.equal(await notice.count(), 0, "dismissed for this session");
});

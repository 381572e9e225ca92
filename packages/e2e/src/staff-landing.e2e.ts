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
  // Their home, the community app: "Report for someone" first and, as they moderate, the forum's queue.
  await page.waitForURL(/\/app\/?$/);
  await page.getByRole("link", { name: /Report for someone/ }).waitFor();
  await page.getByRole("link", { name: /Forum moderation/ }).waitFor();
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

test("each role that signs in on a page it cannot use lands where it works, its menu listing only what it can use", async () => {
  const cases = [
    { role: "analyst", at: "/inbox", lands: /\/dashboard$/, menu: ["Accountability dashboard"] },
    { role: "auditor", at: "/inbox", lands: /\/audit$/, menu: ["Audit log"] },
    {
      role: "system_admin",
      at: "/inbox",
      lands: /\/setup$/,
      menu: ["Accountability dashboard", "Set-up", "Audit log"],
    },
    { role: "first_responder", at: "/setup", lands: /\/inbox$/, menu: ["Responder inbox"] },
  ] as const;
  for (const c of cases) {
    const { page, context } = await suite.open(c.at, { viewport: { width: 1366, height: 800 } });
    await signIn(page, suite.account(c.role));
    await page.waitForURL(c.lands);
    const nav = page.getByRole("navigation", { name: "Staff areas" });
    await nav.getByRole("link").first().waitFor();
    assert.deepEqual(await nav.getByRole("link").allTextContents(), [...c.menu], c.role);
    assert.equal(await page.getByRole("heading", { name: "Your role cannot use this area" }).count(), 0, c.role);
    if (c.role === "auditor") {
      // An address typed by hand may still be refused, but the page leads home.
      await page.goto(`${suite.url}/dashboard`);
      await page.getByRole("heading", { name: "Your role cannot use this area" }).waitFor();
      await page.getByRole("link", { name: "Go to your area: Audit log" }).click();
      await page.waitForURL(/\/audit$/);
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${suite.url}/dashboard`);
      await page.getByRole("heading", { name: "Your role cannot use this area" }).waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/no-access-auditor-360.png`, fullPage: true });
      // The start page offers a signed-in auditor no staff area it cannot use either.
      await page.goto(`${suite.url}/`);
      const cards = page.getByRole("navigation", { name: "Choose where to go" });
      await cards.getByRole("link", { name: /^Set-up/ }).waitFor({ state: "detached" });
      assert.equal(await cards.getByRole("link", { name: /^Responder inbox|^Accountability dashboard/ }).count(), 0);
      await cards.getByRole("link", { name: /^Public figures/ }).waitFor();
    }
    await context.close();
  }
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { assertAxeClean, pageHeading } from "./support/checks.js";
import { useSuite } from "./support/suite.js";

const suite = useSuite();

const surfaces = [
  { path: "/", name: "landing page" },
  { path: "/app", name: "community app" },
  { path: "/app/near-me", name: "community app: near me" },
  { path: "/app/rights", name: "community app: a section still to come" },
  { path: "/inbox", name: "responder inbox" },
  { path: "/dashboard", name: "accountability dashboard" },
  { path: "/setup", name: "set-up" },
  { path: "/audit", name: "audit log" },
];

for (const s of surfaces) {
  test(`${s.name} (${s.path}) loads with a heading, landmarks, no errors and no accessibility violations`, async () => {
    const { page, watch } = await suite.open(s.path);
    const heading = await pageHeading(page);
    assert.ok(heading.length > 0);
    assert.equal(await page.locator("main").count(), 1, "one main landmark");
    assert.equal(await page.locator("header").count(), 1, "one banner");
    await page.waitForLoadState("networkidle");
    await assertAxeClean(page);
    assert.deepEqual(await watch.cspViolations(), [], "CSP violations");
    assert.deepEqual(watch.errors, [], "console errors");
    // The title is what a shared phone shows in its task switcher: the platform's name, never the disease.
    const title = await page.title();
    assert.match(title, /OpenCLM/);
    assert.doesNotMatch(title, /\bTB\b|tubercul/i);
  });
}

test("the skip link is the first thing keyboard users reach and moves them to the main content", async () => {
  const { page } = await suite.open("/app");
  await pageHeading(page);
  await page.keyboard.press("Tab");
  const skip = page.locator(":focus");
  assert.equal(await skip.getAttribute("href"), "#main");
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
});

test("staff surfaces share one shell whose navigation marks the current surface", async () => {
  const { page } = await suite.open("/dashboard");
  await pageHeading(page);
  const current = page.locator('nav a[aria-current="page"]');
  assert.equal(await current.getAttribute("href"), "/dashboard");
  await page.locator('nav a[href="/setup"]').click();
  await page.getByRole("heading", { level: 1, name: "Set-up" }).waitFor();
  assert.equal(await page.locator('nav a[aria-current="page"]').getAttribute("href"), "/setup");
  // Signed out, every staff surface offers the staff sign-in.
  assert.match((await page.locator("main").textContent()) ?? "", /Sign in/);
});

test("an unknown page inside the community app says so, with a way home", async () => {
  const { page } = await suite.open("/app/no-such-page");
  assert.equal(await pageHeading(page), "Page not found");
  await page.getByRole("link", { name: "Back to home" }).click();
  assert.equal(await pageHeading(page), "How can we help you today?");
});

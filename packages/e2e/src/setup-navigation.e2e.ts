import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();
const shots = process.env.SCREENSHOTS; // a folder: look at the screens (CONVENTIONS: 360 and 1366 px)

/** Every Set-up section in the order a country works through them: the link's name and the page's <h1>. */
const everySection = [
  { link: "Country profile", heading: "Country profile" },
  { link: "Geography", heading: "Geography" },
  { link: "Facilities", heading: "Facilities (Near Me)" },
  { link: "Forms", heading: "Forms" },
  { link: "Content", heading: "Content" },
  { link: "Forum (Get connected)", heading: "Forum (Get connected)" },
  { link: "Languages", heading: "Languages and translations" },
  { link: "Response protocols", heading: "Response protocols" },
  { link: "Teams", heading: "Teams" },
  { link: "Staff accounts", heading: "Staff accounts" },
  { link: "Targets", heading: "Targets" },
  { link: "Benchmark series", heading: "Benchmark series" },
  { link: "Settings", heading: "Settings" },
  { link: "DHIS2", heading: "DHIS2" },
  { link: "Channel providers", heading: "Channel providers" },
  { link: "Channel simulator", heading: "Channel simulator" },
  { link: "Training", heading: "Training" },
];

const setupNav = (page: Page) => page.getByRole("navigation", { name: "Set-up sections" });
const cards = (page: Page) => page.getByRole("region", { name: "Sections" }).locator(".setup-card");
const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true }).waitFor();

async function settledAndClean(page: Page) {
  await page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(page), 0, `no sideways scrolling on ${page.url()}`);
  await assertAxeClean(page);
}

test("a system administrator finds every section from the overview and the navigation on each page", async () => {
  const { page, watch } = await suite.open("/setup", { viewport: { width: 1366, height: 900 } });
  await signIn(page, suite.account("system_admin"));
  await h1(page, "Set-up");

  // The overview: a card per section, in order, each with what it is for; the cheap counts say how far it is.
  await cards(page).first().waitFor();
  assert.deepEqual(
    (await cards(page).locator("h3").allTextContents()).map((s) => s.trim()),
    everySection.map((s) => s.link),
  );
  const geography = cards(page).filter({ has: page.getByRole("link", { name: "Geography", exact: true }) });
  await geography.getByText(/^Areas: \d+ · districts: \d+$/).waitFor();
  assert.match((await geography.textContent()) ?? "", /Regions and districts/);
  await settledAndClean(page);
  if (shots) await page.screenshot({ path: `${shots}/setup-overview-1366.png`, fullPage: true });

  // Each link of the side navigation opens its section's page: its own <h1> and title, the link marked current.
  const navLinks = setupNav(page).getByRole("link");
  assert.deepEqual(
    (await navLinks.allTextContents()).map((s) => s.trim()),
    ["Overview", ...everySection.map((s) => s.link)],
  );
  for (const section of everySection) {
    await setupNav(page).getByRole("link", { name: section.link, exact: true }).click();
    await h1(page, section.heading);
    const current = setupNav(page).locator('[aria-current="page"]');
    assert.equal((await current.textContent())?.trim(), section.link, `${section.link} is marked current`);
    assert.ok((await page.title()).startsWith(`${section.heading} · Set-up · `), "the document title names the page");
    await settledAndClean(page);
    if (shots && (section.link === "Response protocols" || section.link === "Teams"))
      await page.screenshot({ path: `${shots}/setup-${section.link.split(" ").pop()}-1366.png`, fullPage: true });
  }

  // By keyboard: focus a link of the navigation, Enter follows it.
  await setupNav(page).getByRole("link", { name: "Overview", exact: true }).focus();
  await page.keyboard.press("Enter");
  await h1(page, "Set-up");
  assert.equal(
    await setupNav(page).locator('[aria-current="page"]').textContent(),
    "Overview",
    "the overview is marked current",
  );

  // A link or bookmark to the one long page that came before still arrives at the right section.
  await page.goto("/setup#protocols");
  await h1(page, "Response protocols");
  assert.equal(new URL(page.url()).pathname, "/setup/protocols");
  await page.goto("about:blank");
  await page.goto(`${suite.url}/setup#staff-accounts`);
  await h1(page, "Staff accounts");
  assert.equal(new URL(page.url()).pathname, "/setup/staff");
  assert.deepEqual(watch.errors, [], "console errors");
});

test("at 360 px the navigation is one row above the page, and every page fits", async () => {
  const { page } = await suite.open("/setup", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("system_admin"));
  await h1(page, "Set-up");
  await cards(page).first().waitFor();
  await settledAndClean(page);
  if (shots) {
    await page.screenshot({ path: `${shots}/setup-overview-360.png`, fullPage: true });
    await page.screenshot({ path: `${shots}/setup-overview-360-top.png` });
  }

  for (const name of ["Response protocols", "Teams"]) {
    // From the overview's card straight to the page.
    await page.goto("/setup");
    await cards(page).getByRole("link", { name, exact: true }).click();
    await h1(page, name);
    const current = setupNav(page).getByRole("link", { name, exact: true });
    assert.equal(await current.getAttribute("aria-current"), "page");
    assert.ok(await current.isVisible(), "the current page's link is scrolled into view in the row");
    await settledAndClean(page);
    if (shots) {
      await page.screenshot({ path: `${shots}/setup-${name.split(" ").pop()}-360.png`, fullPage: true });
      await page.screenshot({ path: `${shots}/setup-${name.split(" ").pop()}-360-top.png` });
    }
  }
});

test("a country administrator sees only the sections their role can use; a data manager none", async () => {
  const { page } = await suite.open("/setup", { viewport: { width: 1366, height: 900 } });
  await signIn(page, suite.account("country_admin"));
  await cards(page).first().waitFor();
  const names = (await cards(page).locator("h3").allTextContents()).map((s) => s.trim());
  assert.deepEqual(
    names,
    everySection
      .map((s) => s.link)
      .filter((n) => !["Staff accounts", "Settings", "DHIS2", "Channel providers"].includes(n)),
  );
  assert.equal(await setupNav(page).getByRole("link", { name: "Staff accounts" }).count(), 0);
  // A link followed from elsewhere to a section not for this role says so rather than showing a broken page.
  await page.goto("/setup/staff");
  await h1(page, "Staff accounts");
  await page.getByText("This part of Set-up is not for your role.").waitFor();
  assert.equal(await page.locator(".accounts-table").count(), 0);
  await settledAndClean(page);

  const manager = await suite.open("/setup", { viewport: { width: 360, height: 800 } });
  await signIn(manager.page, suite.account("data_manager"));
  await manager.page.waitForURL(/\/inbox/); // signing in lands on the data manager's own area
  await manager.page.goto("/setup");
  await manager.page.getByRole("heading", { name: "Your role cannot use this area" }).waitFor();
  assert.equal(await setupNav(manager.page).count(), 0, "no Set-up navigation");
  assert.equal(await manager.page.locator('nav a[href="/setup"]').count(), 0, "Set-up is not offered");
  await settledAndClean(manager.page);
});

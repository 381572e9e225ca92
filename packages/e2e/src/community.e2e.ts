import assert from "node:assert/strict";
import { test } from "node:test";
import type { Facility, PublicConfig } from "@openclm/contracts";
import type { Page } from "playwright-core";
import { horizontalOverflow, pageHeading } from "./support/checks.js";
import { useSuite } from "./support/suite.js";

const suite = useSuite();

async function publicConfig(page: Page, lang = "en"): Promise<PublicConfig> {
  const res = await page.request.get(`/api/config?lang=${lang}`);
  return (await res.json()) as PublicConfig;
}

test("the home screen offers the seven sections as tiles, reporting first, each leading to its page", async () => {
  const { page } = await suite.open("/app", { viewport: { width: 360, height: 740 } });
  await pageHeading(page);
  const tiles = page.locator("main nav a");
  assert.deepEqual(
    (await tiles.allInnerTexts()).map((t) => t.split("\n")[0]),
    [
      "Get involved",
      "My reports",
      "Know your rights",
      "Get information",
      "Get access",
      "Get connected",
      "What changed",
    ],
  );
  // The main action is first and on the first screen of a phone.
  const involved = await page.locator(".tile--involved").boundingBox();
  assert.ok(involved && involved.y + involved.height <= 740, "reporting is above the fold at 360 px");
  for (const box of await tiles.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height))) {
    assert.ok(box >= 44, "tiles are at least 44 px tall");
  }
  await page.getByRole("link", { name: /Get involved/ }).click();
  // Client-side navigation: the home heading stays until the lazily loaded page replaces it.
  await page.locator("h1", { hasText: "Get involved" }).waitFor();
  assert.equal(await pageHeading(page), "Get involved");
  assert.match(page.url(), /\/app\/report$/);
  await page.getByRole("link", { name: "Back to home" }).click();
  await page.locator("h1", { hasText: "How can we help you today?" }).waitFor();
  assert.equal(await pageHeading(page), "How can we help you today?");
});

test("Near me lists the facilities of the chosen district with address, hours and a phone link", async () => {
  const { page, watch } = await suite.open("/app/near-me");
  await pageHeading(page);
  const config = await publicConfig(page);
  const district = config.areas.find((a) => a.isLeaf);
  assert.ok(district, "the demo country has districts");
  const expected = (await (await page.request.get(`/api/facilities?areaId=${district.id}`)).json()) as {
    items: Facility[];
  };
  assert.ok(expected.items.length > 0, "the demo district has facilities");

  const area = page.getByLabel("Area");
  await area.selectOption(district.id);
  const cards = page.locator(".facility-list > li");
  await cards.first().waitFor();
  assert.equal(await cards.count(), expected.items.length);
  assert.deepEqual(
    (await page.locator(".facility-list h2").allInnerTexts()).sort(),
    expected.items.map((f) => f.name).sort(),
  );
  assert.match(page.url(), new RegExp(`area=${district.id}`), "the choice is kept in the URL");

  const withPhone = expected.items.find((f) => f.phone);
  if (withPhone) {
    const card = page.locator("article", { has: page.getByRole("heading", { name: withPhone.name }) });
    const tel = card.locator('a[href^="tel:"]');
    assert.equal(await tel.getAttribute("href"), `tel:${withPhone.phone?.replace(/[^\d+]/g, "")}`);
    assert.match(
      (await card.textContent()) ?? "",
      new RegExp(withPhone.address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    );
  }
  await page.getByRole("status").filter({ hasText: /found/ }).waitFor();

  // Reloading keeps the chosen district (state lives in the URL).
  await page.reload();
  await page.locator(".facility-list > li").first().waitFor();
  assert.equal(await page.getByLabel("Area").inputValue(), district.id);
  assert.deepEqual(watch.errors, []);
});

test("the quick exit leaves for a blank page and Back does not return to the app", async () => {
  const { page } = await suite.open("/app");
  await pageHeading(page);
  await page.getByRole("link", { name: /Get access/ }).click();
  await pageHeading(page);
  await page.getByRole("button", { name: "Quick exit" }).click();
  await page.waitForURL("**/blank.html");
  assert.equal(((await page.locator("body").textContent()) ?? "").trim(), "");
  await page.goBack().catch(() => null);
  assert.doesNotMatch(page.url(), /\/app/);
});

test("pressing Esc three times triggers the quick exit", async () => {
  const { page } = await suite.open("/app");
  await pageHeading(page);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  assert.match(page.url(), /\/app/, "two presses are not enough");
  await page.keyboard.press("Escape");
  await page.waitForURL("**/blank.html");
});

test("the quick exit is keyboard reachable right after the skip link and the platform name", async () => {
  const { page } = await suite.open("/app");
  await pageHeading(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  assert.equal((await page.locator(":focus").textContent())?.trim(), "Quick exit");
  const box = await page.locator(":focus").boundingBox();
  assert.ok(box && box.height >= 44, "the quick exit is a 44 px target");
});

for (const lang of ["en", "ru", "fr"]) {
  test(`at 360 px wide nothing scrolls sideways (${lang})`, async () => {
    const { page } = await suite.open("/app", {
      viewport: { width: 360, height: 740 },
      storage: { "openclm.lang": lang },
    });
    await pageHeading(page);
    assert.equal(await horizontalOverflow(page), 0, "/app");

    const config = await publicConfig(page, lang);
    const region = config.areas.find((a) => a.level === 1);
    await page.goto(`/app/near-me?area=${region?.id}`);
    await page.locator(".facility-list > li").first().waitFor();
    assert.equal(await horizontalOverflow(page), 0, "/app/near-me with results");

    for (const path of ["/", "/inbox", "/dashboard", "/setup"]) {
      await page.goto(path);
      await pageHeading(page);
      assert.equal(await horizontalOverflow(page), 0, path);
    }
  });
}

test("the public figures are one link away from /app and from the landing page, without signing in", async () => {
  const { page } = await suite.open("/app");
  await pageHeading(page);
  await page.getByRole("link", { name: "See the public figures: what people report and what was done" }).click();
  await page.locator("h1", { hasText: "Accountability dashboard: public view" }).waitFor();
  assert.match(page.url(), /\/dashboard\/public$/);
  await page.goto("/");
  await page.getByRole("link", { name: /Public figures/ }).click();
  await page.locator("h1", { hasText: "Accountability dashboard: public view" }).waitFor();
});

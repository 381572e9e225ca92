import assert from "node:assert/strict";
import { test } from "node:test";
import { pageHeading, untranslatedText } from "./support/checks.js";
import { useSuite } from "./support/suite.js";

const suite = useSuite();

test("the language switcher changes the text, <html lang>, the server content, and is remembered", async () => {
  const { page, watch } = await suite.open("/app");
  assert.equal(await pageHeading(page), "How can we help you today?");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");

  const configInFrench = page.waitForResponse((r) => r.url().includes("/api/config?lang=fr") && r.ok());
  await page.getByLabel("Language").selectOption("fr");
  await configInFrench;
  await page.getByRole("heading", { level: 1, name: /Comment pouvons-nous vous aider/ }).waitFor();
  assert.equal(await page.locator("html").getAttribute("lang"), "fr");
  assert.equal(await page.locator("html").getAttribute("dir"), "ltr");
  assert.ok(await page.getByRole("button", { name: "Sortie rapide" }).isVisible());

  // Switching while on another surface works the same, and the choice survives a reload.
  await page.goto("/inbox");
  assert.equal(await pageHeading(page), "Boîte de réception");
  await page.getByLabel("Langue").selectOption("ru");
  await page.getByRole("heading", { level: 1, name: "Входящие" }).waitFor();
  await page.reload();
  assert.equal(await pageHeading(page), "Входящие");
  assert.equal(await page.locator("html").getAttribute("lang"), "ru");
  assert.deepEqual(watch.errors, []);
});

test("area names in Near me follow the language (they come from the server's config)", async () => {
  const { page } = await suite.open("/app/near-me", { storage: { "openclm.lang": "pt" } });
  assert.equal(await pageHeading(page), "Aceder a serviços");
  const areaSelect = page.getByLabel("Área");
  await areaSelect.locator("option").nth(1).waitFor({ state: "attached" });
  const optionsPt = await areaSelect.locator("option").allInnerTexts();
  assert.ok(optionsPt.some((o) => o.includes("(toda a área)")));
});

test("in the pseudo-locale every visible string of the community app comes from the catalogs", async () => {
  const { page } = await suite.open("/app?lang=en-XA");
  const heading = await pageHeading(page);
  assert.ok(heading.startsWith("⟦"), `pseudo-localised heading, got ${heading}`);
  assert.deepEqual(await untranslatedText(page, "⟦", "⟧"), [], "hard-coded text on /app");

  for (const tile of ["/app/near-me", "/app/report"]) {
    await page.goto(tile);
    await pageHeading(page);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(await untranslatedText(page, "⟦", "⟧"), [], `hard-coded text on ${tile}`);
  }
});

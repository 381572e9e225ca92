import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";
import { addChallengeTypeInUi } from "./support/taxonomy.js";

/**
 * Issue 13 item 5: a country administrator adds a challenge type in two languages on Set-up's Forms page, and the
 * community app offers it at once, in each language.
 */
const suite = useStaffSuite();
const shots = process.env.E2E_SCREENSHOTS ?? "";

async function configIn(page: Page, lang: string): Promise<PublicConfig> {
  return (await (await page.request.get(`/api/config?lang=${lang}`)).json()) as PublicConfig;
}

/** From the app's report flow: the challenge types offered for the first subcategory of `categoryCode`. */
async function offeredInApp(lang: string, categoryCode: string, words: { start: string; next: string }) {
  const { page, context } = await suite.open("/app/report", {
    viewport: { width: 360, height: 740 },
    storage: { "openclm.lang": lang },
  });
  const cfg = await configIn(page, lang);
  const category = cfg.taxonomy.find((c) => c.code === categoryCode);
  const sub = category?.subcategories[0];
  assert.ok(category && sub);
  await page.getByRole("button", { name: words.start }).click();
  await page.getByRole("radio", { name: category.label }).check();
  await page.getByRole("button", { name: words.next }).click();
  await page.getByRole("radio", { name: sub.label }).check();
  await page.getByRole("button", { name: words.next }).click();
  await page.getByRole("checkbox").first().waitFor();
  const labels = await page
    .getByRole("checkbox")
    .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ""));
  await context.close();
  return labels;
}

test("a challenge type added in two languages on the Forms page is offered in /app in both", async () => {
  const { page } = await suite.open("/setup", { viewport: { width: 360, height: 800 } });
  await signIn(page, suite.account("country_admin"));
  await page
    .getByRole("navigation", { name: "Set-up sections" })
    .getByRole("link", { name: "Forms", exact: true })
    .click();
  await page.getByRole("heading", { level: 1, name: "Forms" }).waitFor();
  const en = await configIn(page, "en");
  const category = en.taxonomy[0]!;
  const sub = category.subcategories[0]!;

  await addChallengeTypeInUi(page, {
    category: category.label,
    subcategory: sub.label,
    code: "no_interpreter",
    labels: { English: "No interpreter at the clinic", Français: "Pas d'interprète au centre de santé" },
  });
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "setup-forms-360-top.png") });
    await page.getByText("No interpreter at the clinic", { exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "setup-forms-360-item.png") });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: path.join(shots, "setup-forms-1366.png") });
  }

  // Retire and restore, by keyboard: the new item's buttons name it.
  const retire = page.getByRole("button", { name: "Retire No interpreter at the clinic" });
  await retire.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("status").filter({ hasText: "retired" }).waitFor();
  await page.getByRole("button", { name: "Restore No interpreter at the clinic" }).click();
  await page.getByRole("status").filter({ hasText: "offered again" }).waitFor();

  // A file that is not the spreadsheet: the check says so, and nothing is applied.
  const sheet = page.getByRole("region", { name: "Spreadsheet for translators and ODK" });
  await sheet.getByLabel("Spreadsheet to upload").setInputFiles({
    name: "taxonomy.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from("list_name,name\ncategory,rights\n"),
  });
  await sheet.getByRole("button", { name: "Check the file" }).click();
  await sheet.getByText("not a usable spreadsheet — this is not an .xlsx spreadsheet").waitFor();
  assert.ok(await sheet.getByRole("button", { name: "Import" }).isDisabled());
  await assertAxeClean(page);
  if (shots) await sheet.screenshot({ path: path.join(shots, "setup-forms-1366-sheet.png") });

  const english = await offeredInApp("en", category.code, { start: "Start", next: "Next" });
  assert.ok(english.includes("No interpreter at the clinic"), english.join(" | "));
  const french = await offeredInApp("fr", category.code, { start: "Commencer", next: "Suivant" });
  assert.ok(french.includes("Pas d'interprète au centre de santé"), french.join(" | "));
});

import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow, pageHeading, untranslatedText } from "./support/checks.js";
import { signIn, useStaffSuite } from "./support/staff.js";

/**
 * Issue 16: a country administrator adds a language (Urdu, right to left) in Set-up, translates a handful of strings
 * and a challenge type in the translation editor, and sees them in /app and /inbox, laid out right to left; the
 * pseudo-locale shows that the staff surfaces, too, take every string from the catalogues.
 */
const suite = useStaffSuite();
const shots = process.env.E2E_SCREENSHOTS ?? "";

const URDU = {
  appTitle: "آج ہم آپ کی کیا مدد کر سکتے ہیں؟",
  inboxTitle: "ان باکس",
  challenge: "کلینک میں ترجمان نہیں",
};

async function shoot(page: Page, name: string) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, name) });
}

/** In the editor: shows the strings matching `search` in one part and writes `value` into the first one. */
async function translate(page: Page, part: string, search: string, value: string) {
  const editor = page.getByRole("region", { name: "Translation editor" });
  await editor.getByLabel("Part").selectOption({ label: part });
  await editor.getByLabel("Search in the key or text").fill(search);
  const row = editor
    .getByRole("row")
    .filter({ has: page.getByText(search, { exact: true }) })
    .first();
  await row.getByRole("textbox").fill(value);
  await editor.getByRole("button", { name: "Save changes" }).click();
  await editor.getByRole("status").filter({ hasText: "1 string saved." }).waitFor();
}

test("an administrator adds Urdu, translates strings and a challenge type, and /app and /inbox show them right to left", async () => {
  const { page, watch } = await suite.open("/setup/languages", { viewport: { width: 1366, height: 900 } });
  await signIn(page, suite.account("country_admin"));
  await page.getByRole("heading", { level: 1, name: "Languages and translations" }).waitFor();

  const add = page.getByRole("region", { name: "Add a language" });
  await add.getByLabel("Language code").fill("ur");
  await add.getByLabel("Its name in the language itself").fill("اردو");
  await add.getByLabel("Script direction").selectOption("rtl");
  await add.getByRole("button", { name: "Add the language" }).click();
  await add.getByRole("status").filter({ hasText: "اردو added" }).waitFor();
  await page.getByRole("table", { name: "Languages" }).getByRole("cell", { name: "اردو" }).waitFor();

  const editor = page.getByRole("region", { name: "Translation editor" });
  await editor.getByLabel("Language", { exact: true }).selectOption("ur");
  // Urdu has two plural forms in CLDR; the editor says so and asks for exactly those.
  await editor.getByText("اردو has these plural forms: one, other.").waitFor();

  // A translation that drops a placeholder is refused with the reason.
  await editor.getByLabel("Part").selectOption({ label: "Responder inbox" });
  await editor.getByLabel("Search in the key or text").fill("Merge this report into {{code}}");
  const mergeRow = editor.getByRole("row").filter({ hasText: "Merge this report into {{code}}" }).first();
  await mergeRow.getByRole("textbox").fill("اس رپورٹ کو ضم کریں");
  await editor.getByRole("button", { name: "Save changes" }).click();
  await editor.getByRole("alert").filter({ hasText: "placeholder" }).waitFor();
  await mergeRow.getByRole("textbox").fill("");

  await translate(page, "Community app", "How can we help you today?", URDU.appTitle);
  await translate(page, "Responder inbox", "Inbox", URDU.inboxTitle);

  const cfg = (await (await page.request.get("/api/config?lang=en")).json()) as PublicConfig;
  const challenge = cfg.taxonomy[0]?.subcategories[0]?.challengeTypes[0];
  assert.ok(challenge);
  await translate(page, "Challenges (taxonomy)", challenge.label, URDU.challenge);

  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  await editor.getByLabel("Search in the key or text").fill("");
  await shoot(page, "languages-editor-1366.png");
  await page.setViewportSize({ width: 360, height: 800 });
  assert.equal(await horizontalOverflow(page), 0);
  await editor.scrollIntoViewIfNeeded();
  await shoot(page, "languages-editor-360.png");
  // The one failed request is the refused save above.
  const refused = watch.errors.filter((e) => e.includes("status of 400"));
  assert.equal(refused.length, 1);
  assert.deepEqual(
    watch.errors.filter((e) => !refused.includes(e)),
    [],
  );

  // The community app in Urdu: the translated heading, right to left, the rest from English (never a key).
  const app = await suite.open("/app?lang=ur", { viewport: { width: 360, height: 740 } });
  assert.equal(await pageHeading(app.page), URDU.appTitle);
  assert.equal(await app.page.locator("html").getAttribute("dir"), "rtl");
  assert.equal(await app.page.locator("html").getAttribute("lang"), "ur");
  await app.page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(app.page), 0);
  await assertAxeClean(app.page);
  await shoot(app.page, "languages-app-rtl-360.png");
  // Right to left: the quick exit, at the inline end of the header, sits on the left.
  const exit = await app.page.getByRole("button", { name: "Quick exit" }).boundingBox();
  assert.ok(exit && exit.x < 180, `quick exit on the left in RTL, at x=${exit?.x}`);
  const text = await app.page.locator("main").innerText();
  assert.ok(!/\b(app|common)\.[a-z]+\.[a-z]+/.test(text), "no catalogue key shown");

  // The challenge type in Urdu in the report flow.
  await app.page.goto("/app/report");
  const category = cfg.taxonomy[0];
  const sub = category?.subcategories[0];
  assert.ok(category && sub);
  const cfgUr = (await (await app.page.request.get("/api/config?lang=ur")).json()) as PublicConfig;
  assert.equal(cfgUr.taxonomy[0]?.subcategories[0]?.challengeTypes[0]?.label, URDU.challenge);
  await app.page.getByRole("button", { name: "Start" }).click();
  await app.page.getByRole("radio", { name: cfgUr.taxonomy[0]?.label }).check();
  await app.page.getByRole("button", { name: "Next" }).click();
  await app.page.getByRole("radio", { name: cfgUr.taxonomy[0]?.subcategories[0]?.label }).check();
  await app.page.getByRole("button", { name: "Next" }).click();
  await app.page.getByRole("checkbox", { name: URDU.challenge }).waitFor();
  await assertAxeClean(app.page);
  await app.page.setViewportSize({ width: 1366, height: 900 });
  await shoot(app.page, "languages-report-rtl-1366.png");
  assert.deepEqual(app.watch.errors, []);

  // The inbox in Urdu.
  const inbox = await suite.open("/inbox", {
    viewport: { width: 1366, height: 900 },
    storage: { "openclm.lang": "ur" },
  });
  await signIn(inbox.page, suite.account("data_manager"));
  assert.equal(await pageHeading(inbox.page), URDU.inboxTitle);
  assert.equal(await inbox.page.locator("html").getAttribute("dir"), "rtl");
  await inbox.page.waitForLoadState("networkidle");
  assert.equal(await horizontalOverflow(inbox.page), 0);
  await assertAxeClean(inbox.page);
  await shoot(inbox.page, "languages-inbox-rtl-1366.png");
});

for (const [surface, role, where] of [
  ["/inbox", "data_manager", "inbox"],
  ["/dashboard", "analyst", "dashboard"],
  ["/setup/languages", "country_admin", "set-up"],
] as const) {
  test(`in the pseudo-locale every string of the ${where} comes from the catalogues`, async () => {
    const { page } = await suite.open(surface);
    await signIn(page, suite.account(role));
    await page.goto(`${surface}?lang=en-XA`);
    const heading = await pageHeading(page);
    assert.ok(heading.startsWith("⟦"), `pseudo-localised heading, got ${heading}`);
    await page.waitForLoadState("networkidle");
    const found = await untranslatedText(page, "⟦", "⟧");
    // Data is not text of the platform: emails, codes, numbers, dates, and names and labels from the database.
    const cfg = (await (await page.request.get("/api/config?lang=en")).json()) as PublicConfig;
    const data = new Set(
      [...cfg.taxonomy, ...cfg.taxonomy.flatMap((c) => c.subcategories)]
        .flatMap((i) => [i.label, ...("challengeTypes" in i ? i.challengeTypes.map((c) => c.label) : [])])
        .concat(
          cfg.keyPopulations.map((k) => k.label),
          cfg.areas.map((a) => a.name),
        ),
    );
    const prose = found.filter((s) => /[a-z]{3,} [a-z]{3,}/.test(s) && !s.includes("@") && !data.has(s));
    assert.deepEqual(prose, [], `hard-coded text on ${surface}`);
  });
}

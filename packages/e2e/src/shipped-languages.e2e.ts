import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { useSuite } from "./support/suite.js";

const suite = useSuite();
const shots = process.env.E2E_SCREENSHOTS ?? path.join(os.tmpdir(), "openclm-screens");
const phone = { viewport: { width: 360, height: 800 } };

/** The machine-assisted catalogues (issue 16 item 4): the demo offers them, with taxonomy and place names. */
const LANGUAGES = [
  {
    code: "id",
    name: "Bahasa Indonesia",
    home: "Apa yang bisa kami bantu hari ini?",
    start: "Mulai",
    question: "Tentang apa masalahnya?",
    rights: "Hak asasi manusia",
    inbox: "Kotak masuk",
  },
  {
    code: "sw",
    name: "Kiswahili",
    home: "Tukusaidie nini leo?",
    start: "Anza",
    question: "Tatizo lilihusu nini?",
    rights: "Haki za binadamu",
    inbox: "Kikasha",
  },
  {
    code: "km",
    name: "ខ្មែរ",
    home: "តើយើងអាចជួយអ្វីអ្នកនៅថ្ងៃនេះ?",
    start: "ចាប់ផ្ដើម",
    question: "តើបញ្ហានោះទាក់ទងនឹងអ្វី?",
    rights: "សិទ្ធិមនុស្ស",
    inbox: "ប្រអប់សំបុត្រ",
  },
] as const;

test("the switcher offers Bahasa Indonesia, Kiswahili and Khmer by their own names", async () => {
  const { page } = await suite.open("/app", phone);
  await pageHeading(page);
  const options = page.getByLabel("Language").locator("option");
  await options.filter({ hasText: "ខ្មែរ" }).waitFor({ state: "attached" });
  const names = await options.allInnerTexts();
  for (const l of LANGUAGES) assert.ok(names.includes(l.name), `${l.name} in ${names.join(", ")}`);
});

for (const l of LANGUAGES) {
  test(`${l.name}: the app, the report form's taxonomy and the inbox, axe-clean and without overflow at 360 px`, async () => {
    const { page, watch } = await suite.open(`/app?lang=${l.code}`, phone);
    assert.equal(await pageHeading(page), l.home);
    assert.equal(await page.locator("html").getAttribute("lang"), l.code);
    await page.waitForLoadState("networkidle");
    await assertAxeClean(page);
    assert.equal(await horizontalOverflow(page), 0);
    await page.screenshot({ path: path.join(shots, `shipped-${l.code}-app-360.png`), fullPage: true });

    await page.goto("/app/report");
    await page.getByRole("button", { name: l.start }).click();
    await page.getByText(l.question).waitFor();
    // The taxonomy comes from the server in the same language.
    await page.getByRole("radio", { name: l.rights }).waitFor({ state: "attached" });
    await assertAxeClean(page);
    assert.equal(await horizontalOverflow(page), 0);
    await page.screenshot({ path: path.join(shots, `shipped-${l.code}-report-360.png`), fullPage: true });

    await page.goto("/inbox");
    assert.equal(await pageHeading(page), l.inbox);
    await page.waitForLoadState("networkidle");
    await assertAxeClean(page);
    assert.equal(await horizontalOverflow(page), 0);
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.screenshot({ path: path.join(shots, `shipped-${l.code}-inbox-1366.png`) });
    assert.deepEqual(watch.errors, []);
  });
}

/** The font files the page has fetched so far (the browser's resource timing). */
const fontsFetched = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => /\.(woff2?|ttf|otf)(\?|$)/.test(u)),
  );

test("Khmer renders in the platform's own Noto Sans Khmer (fetched from this server, only for Khmer), axe-clean on the public dashboard", async () => {
  const { page, watch } = await suite.open("/app?lang=km", phone);
  assert.equal(await pageHeading(page), "តើយើងអាចជួយអ្វីអ្នកនៅថ្ងៃនេះ?");
  assert.equal(await page.locator("html").getAttribute("data-script"), "Khmr");
  const rendered = await page.evaluate(async () => {
    const h1 = document.querySelector("h1") as HTMLElement;
    await document.fonts.load(`700 16px "Noto Sans Khmer"`, h1.textContent ?? "");
    await document.fonts.ready;
    return {
      family: getComputedStyle(h1).fontFamily,
      loaded: [...document.fonts].some(
        (f) => f.family.replace(/"/g, "") === "Noto Sans Khmer" && f.status === "loaded",
      ),
      covers: document.fonts.check(`16px "Noto Sans Khmer"`, h1.textContent ?? ""),
    };
  });
  assert.match(rendered.family, /^"?Noto Sans Khmer/);
  assert.ok(rendered.loaded, "a Noto Sans Khmer face is loaded");
  assert.ok(rendered.covers, "the loaded faces cover the heading's Khmer letters");
  const fonts = await fontsFetched(page);
  assert.ok(
    fonts.some((u) => /khmer/i.test(u)),
    `the Khmer font was fetched: ${fonts.join(", ")}`,
  );
  for (const url of fonts) assert.ok(url.startsWith(suite.url), `a font from elsewhere: ${url}`);
  await page.screenshot({ path: path.join(shots, "shipped-km-font-360.png") });

  // The public dashboard in Khmer at 1366 px: charts, tables and figures, axe-clean.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/dashboard/public?lang=km");
  await pageHeading(page);
  await page.waitForLoadState("networkidle");
  assert.equal(await page.locator("html").getAttribute("lang"), "km");
  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  await page.screenshot({ path: path.join(shots, "shipped-km-dashboard-1366.png"), fullPage: true });
  assert.deepEqual(watch.errors, []);

  // Another language downloads none of it.
  const other = await suite.open("/app?lang=id", phone);
  const otherFonts: string[] = [];
  other.page.on("request", (r) => {
    if (r.resourceType() === "font") otherFonts.push(r.url());
  });
  await pageHeading(other.page);
  await other.page.waitForLoadState("networkidle");
  assert.deepEqual(
    otherFonts.filter((u) => /khmer/i.test(u)),
    [],
  );
});

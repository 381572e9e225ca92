import assert from "node:assert/strict";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
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

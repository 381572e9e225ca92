import assert from "node:assert/strict";
import { test } from "node:test";
import PDFDocument from "pdfkit";
import { fontsDir } from "../paths.js";
import { inkBands, lineLetters, PDFTOPPM, pdfPages } from "../testing/pdf-pages.js";
import { isRtlText, pdfText, scriptRuns } from "./pdf-fonts.js";

function bytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

test("a text is cut into runs by script; spaces stay with the run they follow", () => {
  assert.deepEqual(scriptRuns("ស្រុក Tashkor: 12"), [
    { text: "ស្រុក ", script: "khmer" },
    { text: "Tashkor: 12", script: "base" },
  ]);
  assert.deepEqual(scriptRuns("Район Марула — ضلع مارولا"), [
    { text: "Район Марула — ", script: "base" },
    { text: "ضلع مارولا", script: "arabic" },
  ]);
  assert.equal(isRtlText("12 ضلع"), true, "the first letter decides, not a digit");
  assert.equal(isRtlText("Tashkor ضلع"), false);
});

test("Khmer, Arabic-script and Cyrillic lines print as letters, the Arabic one right-aligned; Khmer without its font, boxes", async (tc) => {
  if (!PDFTOPPM) {
    tc.skip("pdftoppm is not installed (apt-get install poppler-utils)");
    return;
  }
  const lines = ["ប្រភេទបញ្ហាប្រឈមកំពូល ស្រុក", "مریضوں کی رپورٹیں اور شکایات", "Противотуберкулёзный диспансер"];
  const doc = new PDFDocument({ size: "A4", margin: 40 });
  const w = pdfText(doc);
  doc.fontSize(24);
  for (const [i, line] of lines.entries()) w.write(line, 40, 60 + i * 60, { width: 515, bold: true });
  const raw = await bytes(doc);
  assert.match(raw.toString("latin1"), /\/BaseFont \/[A-Z]{6}\+NotoSansKhmer-Bold/);
  assert.match(raw.toString("latin1"), /\/BaseFont \/[A-Z]{6}\+NotoSansArabic-Bold/);
  const [page] = await pdfPages(raw);
  const band = (i: number) => [(50 + i * 60) / 842, (110 + i * 60) / 842] as const;
  for (const [i, line] of lines.entries()) {
    const seen = lineLetters(page!, ...band(i));
    assert.ok(seen.shapes >= 6, `${line}: letters (${seen.shapes} shapes)`);
    assert.ok(seen.distinct >= seen.shapes / 2, `${line}: not one box repeated (${seen.distinct}/${seen.shapes})`);
  }
  // Right to left: the Arabic-script line ends at the right margin and leaves the left of the line empty.
  const [top, bottom] = band(1);
  const arabic = inkBands(page!, top).find((b) => b.bottom <= bottom * page!.height)!;
  let first = page!.width;
  let last = 0;
  for (let y = arabic.top; y < arabic.bottom; y++)
    for (let x = 0; x < page!.width; x++)
      if ((page!.grey[y * page!.width + x] ?? 255) < 128) {
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
  assert.ok(last > page!.width * 0.85, `the Arabic line reaches the right margin (${last}/${page!.width})`);
  assert.ok(first > page!.width * 0.2, `and starts well right of the left margin (${first})`);

  // The control: the same Khmer line in DejaVu Sans alone (which has no Khmer) is one box repeated.
  const control = new PDFDocument({ size: "A4", margin: 40 });
  control.registerFont("bold", `${fontsDir}/DejaVuSans-Bold.ttf`);
  control.font("bold").fontSize(24).text(lines[0]!, 40, 60, { width: 515 });
  const seen = lineLetters((await pdfPages(await bytes(control)))[0]!, ...band(0));
  assert.ok(seen.shapes >= 6 && seen.distinct <= 2, `boxes are seen as boxes (${seen.distinct}/${seen.shapes})`);
});

import PDFDocument from "pdfkit";
import { fontsDir } from "../paths.js";
import { packSections, type ReviewPackModel } from "./review-pack.service.js";

const MARGIN = 40;
const INK = "#1f2933";
const ACCENT = "#0b6e4f";
const MUTED = "#52606d";

/**
 * The review pack as a PDF (A4 landscape, one section a page), set in the bundled DejaVu Sans so every language's
 * script prints. Loaded lazily by the route, like the factsheet: pdfkit is not loaded by processes that never print.
 */
export async function renderReviewPackPdf(m: ReviewPackModel): Promise<Buffer> {
  const p = packSections(m);
  const s = m.strings;
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: MARGIN, info: { Title: p.title } });
  doc.registerFont("body", `${fontsDir}/DejaVuSans.ttf`);
  doc.registerFont("bold", `${fontsDir}/DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  const heading = (text: string) => {
    doc.rect(0, 0, doc.page.width, 10).fill(ACCENT);
    doc.font("bold").fontSize(20).fillColor(ACCENT).text(text, MARGIN, MARGIN);
    doc.moveDown(0.6);
  };
  const pairs = (list: [string, string][]) => {
    for (const [k, v] of list) {
      doc.font("bold").fontSize(16).fillColor(INK).text(v, { continued: true });
      doc.font("body").fontSize(12).fillColor(MUTED).text(`   ${k}`);
      doc.moveDown(0.3);
    }
  };
  const table = (header: string[], rows: string[][], widths: number[]) => {
    const cols = widths.map((w) => (w / widths.reduce((a, b) => a + b, 0)) * width);
    const row = (cells: string[], font: string) => {
      doc.font(font).fontSize(10).fillColor(INK);
      const y = doc.y;
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (cols[i] ?? 0) - 6 })));
      if (y + h > doc.page.height - MARGIN) doc.addPage();
      const top = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.text(c, x, top, { width: (cols[i] ?? 0) - 6 });
        x += cols[i] ?? 0;
      });
      doc.y = top + h + 4;
      doc
        .moveTo(MARGIN, doc.y - 2)
        .lineTo(MARGIN + width, doc.y - 2)
        .strokeColor("#cbd2d9")
        .stroke();
    };
    row(header, "bold");
    for (const r of rows) row(r, "body");
  };
  const none = (text: string) => doc.font("body").fontSize(12).fillColor(MUTED).text(text);

  doc.rect(0, 0, doc.page.width, 10).fill(ACCENT);
  doc.font("body").fontSize(12).fillColor(MUTED).text(m.fs.kicker, MARGIN, 140);
  doc.font("bold").fontSize(32).fillColor(INK).text(p.title);
  doc.font("body").fontSize(16).fillColor(MUTED).text(p.period);

  doc.addPage();
  heading(s.headlineVsTargets);
  pairs(p.headline);
  doc.moveDown(0.5);
  if (p.targets.length) table(p.targetHeader, p.targets, [4, 2, 1, 1]);
  doc.addPage();
  heading(s.topPerArea);
  if (p.areas.length) table(p.areaHeader, p.areas, [1, 3]);
  else none(m.fs.none);
  doc.addPage();
  heading(s.openCases);
  if (p.cases.length) table(p.caseHeader, p.cases, [3, 1.4, 2, 1, 2]);
  else none(s.noCases);
  doc.addPage();
  heading(s.loopClosure);
  pairs(p.loop);
  doc.moveDown();
  doc.font("bold").fontSize(14).fillColor(INK).text(s.agreedActions);
  doc.font("body").fontSize(12).text(s.agreedActionsHint);
  doc.moveDown();
  doc.fontSize(9).fillColor(MUTED).text(p.note);
  doc.end();
  return done;
}

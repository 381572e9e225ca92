import PDFDocument from "pdfkit";
import { pdfText } from "../platform/pdf-fonts.js";
import { packSections, type ReviewPackModel } from "./review-pack.service.js";

const MARGIN = 40;
const INK = "#1f2933";
const ACCENT = "#0b6e4f";
const MUTED = "#52606d";

/**
 * The review pack as a PDF (A4 landscape, one section a page), set in DejaVu Sans with Noto Sans Khmer and Arabic
 * for those scripts (platform/pdf-fonts.ts) so every language's script prints. Loaded lazily by the route, like the factsheet: pdfkit is not loaded by processes that never print.
 */
export async function renderReviewPackPdf(m: ReviewPackModel): Promise<Buffer> {
  const p = packSections(m);
  const s = m.strings;
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: MARGIN, info: { Title: p.title } });
  const w = pdfText(doc);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  const heading = (text: string) => {
    doc.rect(0, 0, doc.page.width, 10).fill(ACCENT);
    doc.fontSize(20).fillColor(ACCENT);
    w.write(text, MARGIN, MARGIN, { bold: true });
    doc.moveDown(0.6);
  };
  const pairs = (list: [string, string][]) => {
    for (const [k, v] of list) {
      doc.fontSize(16).fillColor(INK);
      w.write(v, undefined, undefined, { continued: true, bold: true });
      doc.fontSize(12).fillColor(MUTED);
      w.write(`   ${k}`);
      doc.moveDown(0.3);
    }
  };
  const table = (header: string[], rows: string[][], widths: number[]) => {
    const cols = widths.map((w) => (w / widths.reduce((a, b) => a + b, 0)) * width);
    const row = (cells: string[], bold: boolean) => {
      doc.fontSize(10).fillColor(INK);
      const y = doc.y;
      const h = Math.max(...cells.map((c, i) => w.heightOf(c, { width: (cols[i] ?? 0) - 6, bold })));
      if (y + h > doc.page.height - MARGIN) doc.addPage();
      const top = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        w.write(c, x, top, { width: (cols[i] ?? 0) - 6, bold });
        x += cols[i] ?? 0;
      });
      doc.y = top + h + 4;
      doc
        .moveTo(MARGIN, doc.y - 2)
        .lineTo(MARGIN + width, doc.y - 2)
        .strokeColor("#cbd2d9")
        .stroke();
    };
    row(header, true);
    for (const r of rows) row(r, false);
  };
  const none = (text: string) => {
    doc.fontSize(12).fillColor(MUTED);
    w.write(text);
  };

  doc.rect(0, 0, doc.page.width, 10).fill(ACCENT);
  doc.fontSize(12).fillColor(MUTED);
  w.write(m.fs.kicker, MARGIN, 140);
  doc.fontSize(32).fillColor(INK);
  w.write(p.title, undefined, undefined, { bold: true });
  doc.fontSize(16).fillColor(MUTED);
  w.write(p.period);

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
  doc.fontSize(14).fillColor(INK);
  w.write(s.agreedActions, undefined, undefined, { bold: true });
  doc.fontSize(12);
  w.write(s.agreedActionsHint);
  doc.moveDown();
  doc.fontSize(9).fillColor(MUTED);
  w.write(p.note);
  doc.end();
  return done;
}

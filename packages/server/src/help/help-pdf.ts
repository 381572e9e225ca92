import fs from "node:fs";
import PDFDocument from "pdfkit";
import { manualDir } from "../paths.js";
import { isRtlText, type PdfText, pdfText } from "../platform/pdf-fonts.js";
import { helpStringsFor } from "./help.strings.js";
import { type Manual, manualTokens, screenFile, serverLinks } from "./help-manuals.js";

type Token = ReturnType<typeof manualTokens>[number];

const MARGIN = 50;
const A4 = { width: 595.28, height: 841.89 };
const WIDTH = A4.width - 2 * MARGIN;
const INK = "#1f2933";
const MUTED = "#52606d";
const ACCENT = "#1d4ed8";

/** Width and height of a PNG, from its header. */
function pngSize(file: string): { width: number; height: number } | null {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 24, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString("ascii", 1, 4) !== "PNG") return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/**
 * A manual as a printable A4 PDF, written with pdfkit as the factsheet is (factsheet/factsheet.pdf.ts): the same
 * Markdown tokens the help page renders, so the PDF and the page never differ. DejaVu Sans (bundled) covers the
 * Latin and Cyrillic languages, Noto Sans Khmer and Arabic the others (platform/pdf-fonts.ts). Screenshots are placed at the width of the text, phone screenshots smaller.
 */
export async function renderManualPdf(
  manual: Manual,
  opts: { compress?: boolean; dir?: string } = {},
): Promise<Buffer> {
  const dir = opts.dir ?? manualDir;
  const s = helpStringsFor(manual.lang);
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: opts.compress ?? true,
    lang: manual.lang,
    displayTitle: true,
    info: { Title: manual.title, Subject: s.forWhom(manual.audience), Creator: "OpenCLM", Producer: "OpenCLM" },
  });
  const w = pdfText(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.fontSize(22).fillColor(INK);
  w.write(manual.title, undefined, undefined, { bold: true });
  doc.moveDown(0.3);
  doc.fontSize(11).fillColor(MUTED);
  w.write(s.forWhom(manual.audience));
  doc.moveDown(0.8);

  const tokens = manualTokens(manual, serverLinks, dir);
  const lists: { ordered: boolean; n: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.type === "heading_open") {
      const inline = tokens[i + 1];
      if (doc.y > A4.height - MARGIN - 80) doc.addPage();
      doc.moveDown(0.6);
      doc.fontSize(t.tag === "h2" ? 15 : 12.5).fillColor(INK);
      w.write(inline?.content ?? "", MARGIN, doc.y, { width: WIDTH, bold: true });
      doc.moveDown(0.3);
      i += 2;
    } else if (t.type === "bullet_list_open" || t.type === "ordered_list_open") {
      lists.push({ ordered: t.type === "ordered_list_open", n: Number(t.attrGet("start") ?? 1) });
    } else if (t.type === "bullet_list_close" || t.type === "ordered_list_close") {
      lists.pop();
      if (!lists.length) doc.moveDown(0.4);
    } else if (t.type === "list_item_open") {
      const list = lists.at(-1);
      const indent = 16 * lists.length;
      const mark = list?.ordered ? `${list.n++}.` : "•";
      const y = doc.y;
      doc.fontSize(10.5).fillColor(INK);
      w.write(mark, MARGIN + indent - 14, y, { width: 14 });
      doc.y = y;
    } else if (t.type === "inline") {
      inline(doc, w, t, lists.length, manual.lang, dir);
    } else if (t.type === "paragraph_close" && !lists.length) {
      doc.moveDown(0.5);
    } else if (t.type === "code_block" || t.type === "fence") {
      doc.fontSize(9.5).fillColor(INK);
      w.write(t.content, MARGIN + 10, doc.y, { width: WIDTH - 10 });
      doc.moveDown(0.5);
    }
  }
  doc.end();
  return done;
}

/** One paragraph's text (bold for screen elements and **strong**), or the screenshot it holds. */
function inline(doc: PDFKit.PDFDocument, w: PdfText, t: Token, depth: number, lang: string, dir: string) {
  const children = t.children ?? [];
  const image = children.find((c) => c.type === "image");
  if (image) {
    const src = String(image.attrGet("src") ?? "").replace(/^screens\//, "");
    const file = screenFile(lang, src, dir);
    const size = file ? pngSize(file) : null;
    if (!file || !size) return;
    // Phone screenshots (taller than wide) at a third of the page's width, wide ones at the text's width.
    const width = size.height > size.width ? WIDTH / 2.6 : WIDTH;
    const height = (size.height / size.width) * width;
    if (doc.y + height > A4.height - MARGIN) doc.addPage();
    const top = doc.y;
    doc.image(file, MARGIN + (WIDTH - width) / 2, top, { width });
    doc
      .rect(MARGIN + (WIDTH - width) / 2, top, width, height)
      .lineWidth(0.5)
      .strokeColor("#cbd2d9")
      .stroke();
    doc.y = top + height + 8;
    doc.x = MARGIN;
    return;
  }
  const x = MARGIN + 16 * depth;
  const width = WIDTH - 16 * depth;
  const runs: { text: string; bold: boolean; code: boolean }[] = [];
  let bold = 0;
  for (const c of children) {
    if (c.type === "strong_open") bold++;
    else if (c.type === "strong_close") bold--;
    else if (c.type === "ui_ref") runs.push({ text: c.content, bold: true, code: false });
    else if (c.type === "text") runs.push({ text: c.content, bold: bold > 0, code: false });
    else if (c.type === "code_inline") runs.push({ text: c.content, bold: false, code: true });
    else if (c.type === "softbreak" || c.type === "hardbreak") runs.push({ text: " ", bold: false, code: false });
  }
  if (!runs.length) return;
  doc.fontSize(10.5);
  // Every run continues the paragraph; each is cut again by script (pdf-fonts.ts). Only the first is placed.
  const rtl = isRtlText(runs.map((r) => r.text).join(""));
  runs.forEach((r, n) => {
    doc.fillColor(r.code ? ACCENT : INK);
    const options = {
      width,
      continued: n < runs.length - 1,
      lineGap: 2,
      bold: r.bold,
      align: rtl ? "right" : "left",
    } as const;
    if (n === 0) w.write(r.text, x, doc.y, options);
    else w.write(r.text, undefined, undefined, options);
  });
  doc.x = MARGIN;
}

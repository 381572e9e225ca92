import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";
import { fitsWinAnsi, type PdfText, pdfText, svgFontCallback, svgWithScriptFonts } from "../platform/pdf-fonts.js";
import { barsSvg, PALETTE, trendSvg } from "./factsheet.charts.js";
import type { Bar, FactsheetModel } from "./factsheet.service.js";
import type { FactsheetStrings } from "./factsheet.strings.js";

const MARGIN = 42;
const A4 = { width: 595.28, height: 841.89 };
const WIDTH = A4.width - 2 * MARGIN;
const INK = "#1f2933";
const MUTED = "#52606d";
const RULE = "#cbd2d9";
const DASH = "–";

function allText(m: FactsheetModel, s: FactsheetStrings): string {
  const names = (bars: Bar[]) => bars.map((b) => b.label).join("");
  return [
    m.areaName,
    s.title,
    s.kicker,
    s.methodText(1, 1, ""),
    names(m.categories),
    names(m.challenges),
    m.districts.map((d) => d.name).join(""),
    m.lowestRated.items.map((i) => i.name).join(""),
    s.lowestRated(m.lowestRated.minimum),
  ].join("");
}

/** Locale formatting, with the narrow no-break space (French) swapped for one every font has. */
function formatters(lang: string, s: FactsheetStrings) {
  const fix = (t: string) => t.replace(/\u202f/g, "\u00a0");
  const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const pct = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  const n = (v: number | null | undefined) => (v === null || v === undefined ? DASH : fix(num.format(v)));
  return {
    n,
    pct: (v: number | null | undefined) => (v === null || v === undefined ? DASH : fix(pct.format(v / 100))),
    hours: (v: number | null | undefined) =>
      v === null || v === undefined ? DASH : v < 48 ? s.hours(n(v)) : s.days(n(Math.round((v / 24) * 10) / 10)),
    date: (iso: string) =>
      fix(new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`))),
    time: (d: Date) =>
      `${fix(new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(d))} UTC`,
    month: (ym: string) =>
      fix(
        new Intl.DateTimeFormat(lang, { month: "short", year: "2-digit", timeZone: "UTC" }).format(
          new Date(`${ym}-01T00:00:00Z`),
        ),
      ),
  };
}

type Fmt = ReturnType<typeof formatters>;
interface Column {
  label: string;
  width: number;
  align?: "left" | "right";
}

/** Writes the factsheet; `compress: false` leaves the page streams readable (tests). */
export async function renderFactsheetPdf(model: FactsheetModel, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const s = model.strings;
  const f = formatters(model.lang, s);
  const title = `${s.title} — ${model.areaName}`;
  const period = s.period(f.date(model.from), f.date(model.to));
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    compress: opts.compress ?? true,
    bufferPages: true,
    lang: model.lang,
    displayTitle: true,
    info: { Title: `${title} — ${period}`, Subject: s.kicker, Creator: "OpenCLM", Producer: "OpenCLM" },
  });
  const fonts = pdfText(doc, {
    base: fitsWinAnsi(allText(model, s) + period + f.time(model.generatedAt)) ? "helvetica" : "dejavu",
  });
  const done = collect(doc);

  header(doc, fonts, s, model, period, f);
  headlineTiles(doc, fonts, s, model, f);
  section(doc, fonts, s.trend, 250);
  chart(
    doc,
    fonts,
    trendSvg(
      model.trend,
      { total: s.reported, validated: s.validated, resolved: s.metrics.reports_resolved },
      f.month,
      { width: WIDTH, height: 220 },
    ),
    220,
  );
  if (model.trend.some((m) => m.running)) note(doc, fonts, s.runningMonth);
  barSection(doc, fonts, s, s.byCategory, model.categories, f);
  table(
    doc,
    fonts,
    s,
    s.topChallenges,
    [
      { label: s.colChallenge, width: 0.78 },
      { label: s.validated, width: 0.22, align: "right" },
    ],
    model.challenges.map((b) => [b.label, f.n(b.value)]),
  );
  table(
    doc,
    fonts,
    s,
    s.declinedReasons,
    [
      { label: s.colReason, width: 0.78 },
      { label: s.declined, width: 0.22, align: "right" },
    ],
    model.declineReasons.map((b) => [b.label, f.n(b.value)]),
  );
  table(
    doc,
    fonts,
    s,
    s.districts,
    [
      { label: s.colDistrict, width: 0.34 },
      { label: s.reported, width: 0.17, align: "right" },
      { label: s.validated, width: 0.15, align: "right" },
      { label: s.resolvedPct, width: 0.17, align: "right" },
      { label: s.colPer1000, width: 0.17, align: "right" },
    ],
    model.districts.map((d) => [d.name, f.n(d.total), f.n(d.validated), f.pct(d.pctResolved), f.n(d.per1000)]),
  );
  if (model.lowestRated.items.length) {
    table(
      doc,
      fonts,
      s,
      s.lowestRated(model.lowestRated.minimum),
      [
        { label: s.colFacility, width: 0.6 },
        { label: s.colAverageRating, width: 0.2, align: "right" },
        { label: s.colRatings, width: 0.2, align: "right" },
      ],
      model.lowestRated.items.map((i) => [i.name, f.n(i.average), f.n(i.count)]),
    );
  }
  if (model.targets.length) {
    table(
      doc,
      fonts,
      s,
      s.targets,
      [
        { label: s.colIndicator, width: 0.46 },
        { label: s.colPeriod, width: 0.22 },
        { label: s.colTarget, width: 0.16, align: "right" },
        { label: s.colActual, width: 0.16, align: "right" },
      ],
      model.targets.map((t) => [
        s.metrics[t.metric],
        t.periodLabel,
        metricValue(t.metric, t.target, f),
        metricValue(t.metric, t.actual, f),
      ]),
    );
  }
  methodNote(doc, fonts, s, model, f);
  footers(doc, fonts, `OpenCLM · ${title} · ${period}`);
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - MARGIN - 18; // room for the footer

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function header(
  doc: PDFKit.PDFDocument,
  fonts: PdfText,
  s: FactsheetStrings,
  m: FactsheetModel,
  period: string,
  f: Fmt,
): void {
  doc.rect(0, 0, A4.width, 6).fill(PALETTE[0]!);
  doc.fillColor(MUTED).fontSize(9);
  fonts.write(s.kicker.toUpperCase(), MARGIN, MARGIN, { width: WIDTH });
  doc.moveDown(0.3).fillColor(INK).fontSize(22);
  fonts.write(m.areaName, undefined, undefined, { width: WIDTH, bold: true });
  doc.fontSize(12);
  fonts.write(`${s.title} · ${period}`, undefined, undefined, { width: WIDTH });
  doc.moveDown(0.2).fillColor(MUTED).fontSize(8.5);
  fonts.write(s.generated(f.time(m.generatedAt)), undefined, undefined, { width: WIDTH });
  doc.moveDown(0.8);
}

function section(doc: PDFKit.PDFDocument, fonts: PdfText, title: string, keepWith: number): void {
  ensureSpace(doc, 26 + keepWith);
  doc.moveDown(0.6).fillColor(INK).fontSize(13);
  fonts.write(title, MARGIN, doc.y, { width: WIDTH, bold: true });
  const y = doc.y + 2;
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + WIDTH, y)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.y = y + 6;
}

function headlineTiles(doc: PDFKit.PDFDocument, fonts: PdfText, s: FactsheetStrings, m: FactsheetModel, f: Fmt): void {
  const h = m.headline;
  const tiles: [string, string][] = [
    [s.reported, f.n(h.reports_total)],
    [s.validated, f.n(h.reports_validated)],
    [s.declined, f.n(h.reports_declined)],
    [s.resolvedPct, f.pct(h.pct_resolved)],
    [s.medianFirstResponse, f.hours(h.median_hours_to_first_response)],
    [s.medianValidation, f.hours(h.median_hours_to_validation)],
    [s.medianResolution, f.hours(h.median_hours_to_resolution)],
    [s.assistedShare, f.pct(h.pct_on_behalf)],
    [s.loopClosure, f.pct(h.pct_confirmed)],
  ];
  section(doc, fonts, s.headlines, 190);
  const gap = 10;
  const w = (WIDTH - 2 * gap) / 3;
  const tileH = 58;
  const top = doc.y;
  tiles.forEach(([label, value], i) => {
    const x = MARGIN + (i % 3) * (w + gap);
    const y = top + Math.floor(i / 3) * (tileH + gap);
    doc.roundedRect(x, y, w, tileH, 4).fill("#eef2f7");
    doc.fillColor(INK).fontSize(18);
    fonts.write(value, x + 9, y + 8, { width: w - 18, lineBreak: false, bold: true });
    doc.fillColor(MUTED).fontSize(8.5);
    fonts.write(label, x + 9, y + 32, { width: w - 18, height: 22 });
  });
  doc.x = MARGIN;
  doc.y = top + 3 * tileH + 2 * gap + 4;
}

function chart(doc: PDFKit.PDFDocument, fonts: PdfText, svg: string, height: number): void {
  ensureSpace(doc, height);
  SVGtoPDF(doc, svgWithScriptFonts(svg), MARGIN, doc.y, {
    width: WIDTH,
    height,
    assumePt: true,
    fontCallback: svgFontCallback(fonts),
  });
  doc.x = MARGIN;
  doc.y += height + 4;
}

function barSection(
  doc: PDFKit.PDFDocument,
  fonts: PdfText,
  s: FactsheetStrings,
  title: string,
  bars: Bar[],
  f: Fmt,
): void {
  const height = Math.max(60, bars.length * 28 + 16);
  section(doc, fonts, title, bars.length ? height : 14);
  if (!bars.length) {
    note(doc, fonts, s.none);
    return;
  }
  chart(
    doc,
    fonts,
    barsSvg(bars, (v) => f.n(v), { width: WIDTH, height }),
    height,
  );
  const hidden = bars.filter((b) => b.value === null).map((b) => b.label);
  if (hidden.length) note(doc, fonts, `${hidden.join(", ")}: ${DASH}`);
}

function note(doc: PDFKit.PDFDocument, fonts: PdfText, text: string): void {
  doc.fillColor(MUTED).fontSize(9);
  fonts.write(text, MARGIN, doc.y, { width: WIDTH });
}

function table(
  doc: PDFKit.PDFDocument,
  fonts: PdfText,
  s: FactsheetStrings,
  title: string,
  columns: Column[],
  rows: string[][],
): void {
  section(doc, fonts, title, 40);
  if (!rows.length) {
    note(doc, fonts, s.none);
    return;
  }
  const widths = columns.map((c) => c.width * WIDTH);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.fontSize(bold ? 8.5 : 9.5);
    const height = Math.max(...cells.map((c, i) => fonts.heightOf(c, { width: widths[i]! - 8, bold }))) + 7;
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (!bold)
        drawRow(
          columns.map((c) => c.label),
          true,
        );
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.fillColor(bold ? MUTED : INK);
      fonts.write(cell, x + 4, y + 4, { width: widths[i]! - 8, align: columns[i]?.align, bold });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + WIDTH, y + height)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(
    columns.map((c) => c.label),
    true,
  );
  for (const row of rows) drawRow(row, false);
}

function metricValue(metric: string, value: number | null, f: Fmt): string {
  if (metric.startsWith("pct_") || metric === "coverage_pct") return f.pct(value);
  return f.n(value);
}

function methodNote(doc: PDFKit.PDFDocument, fonts: PdfText, s: FactsheetStrings, m: FactsheetModel, f: Fmt): void {
  const text = s.methodText(m.suppression.threshold, m.suppression.sensitive, f.time(new Date(m.asOf)));
  doc.fontSize(9);
  section(doc, fonts, s.method, fonts.heightOf(text, { width: WIDTH }));
  note(doc, fonts, text);
}

/** The same line and page number at the foot of every page. */
function footers(doc: PDFKit.PDFDocument, fonts: PdfText, text: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    const y = doc.page.height - MARGIN + 6;
    doc.fillColor(MUTED).fontSize(7.5);
    fonts.write(text, MARGIN, y, { width: WIDTH - 50, lineBreak: false, ellipsis: true, height: 10 });
    fonts.write(`${i + 1} / ${count}`, MARGIN + WIDTH - 50, y, { width: 50, align: "right", lineBreak: false });
  }
}

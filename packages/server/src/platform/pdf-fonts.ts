import fs from "node:fs";
import { createRequire } from "node:module";
import { fontsDir } from "../paths.js";

/**
 * Text in every shipped script for the PDFs the server writes (factsheet, review pack, help manuals). No one font has
 * every script: DejaVu Sans (bundled in assets/fonts) covers Latin and Cyrillic, Noto Sans Khmer and Noto Sans Arabic
 * (the @fontsource packages the web app serves, a production dependency of the server too) cover Khmer and Arabic
 * script. A text is cut into runs by script and each run is written in its font; pdfkit's `continued` keeps the runs
 * on one line and wraps them as one paragraph.
 *
 * Right to left: fontkit shapes Arabic script (joined letters, glyphs right to left within a run). A paragraph whose
 * first letter is Arabic script is right-aligned; when it fits on one line its runs are placed right to left (a
 * number inside an Urdu sentence sits where a reader expects it). A longer mixed paragraph keeps its runs in logical
 * order, left-aligned: pdfkit has no bidirectional line layout (docs/languages.md says so).
 */

export type Script = "base" | "khmer" | "arabic";
type Weight = "regular" | "bold";
type ParsedFont = { layout: unknown; hasGlyphForCodePoint(cp: number): boolean };

const KHMER = /[\u1780-\u17ff\u19e0-\u19ff]/u;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u089f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
const LETTER = /\p{L}/u;
/** What stays in the script run it follows: spaces and the zero-width (non-)joiners Khmer and Arabic use. */
const JOINER = /[\s\u200b-\u200d]/u;

const scriptOf = (ch: string): Script | null => (KHMER.test(ch) ? "khmer" : ARABIC.test(ch) ? "arabic" : null);

let parsed: Record<Exclude<Script, "base"> | "dejavu", Record<Weight, ParsedFont>> | undefined;

/**
 * Every font parsed once per process (pdfkit takes a fontkit font object as well as a file; parsing DejaVu's 700 KB
 * for every document cost a quarter of a second each time). The Noto files are WOFF: fontkit reads them (WOFF2 it
 * reads too, but the WOFF files are what was checked to shape Khmer correctly).
 */
function fonts() {
  if (!parsed) {
    const require = createRequire(import.meta.url);
    const fontkit = require("fontkit") as { create(data: Buffer): ParsedFont };
    const load = (file: string) => fontkit.create(fs.readFileSync(file));
    const noto = (family: string, subset: string, weight: number) =>
      withMarkFallback(load(require.resolve(`@fontsource/${family}/files/${family}-${subset}-${weight}-normal.woff`)));
    parsed = {
      dejavu: { regular: load(`${fontsDir}/DejaVuSans.ttf`), bold: load(`${fontsDir}/DejaVuSans-Bold.ttf`) },
      khmer: { regular: noto("noto-sans-khmer", "khmer", 400), bold: noto("noto-sans-khmer", "khmer", 700) },
      arabic: { regular: noto("noto-sans-arabic", "arabic", 400), bold: noto("noto-sans-arabic", "arabic", 700) },
    };
  }
  return parsed;
}

type Features = string[] | Record<string, boolean> | undefined;
type Layout = (text: string, features?: Features) => unknown;

/**
 * fontkit (2.0) throws on some Khmer clusters of Noto Sans Khmer ("Cannot read properties of null (reading
 * 'xCoordinate')" in its above-base mark positioning, where the font leaves an anchor empty): a word it cannot
 * position is laid out again without that one feature (`abvm`), its marks then where the glyphs draw them by default,
 * rather than the whole document failing. The font is otherwise the same object (pdfkit reads it through).
 */
function withMarkFallback(font: ParsedFont): ParsedFont {
  const layout = (font.layout as Layout).bind(font);
  const safe = Object.create(font) as ParsedFont;
  safe.layout = ((text: string, features?: Features) => {
    try {
      return layout(text, features);
    } catch {
      const on = Array.isArray(features) ? Object.fromEntries(features.map((f) => [f, true])) : { ...features };
      return layout(text, { ...on, abvm: false });
    }
  }) as Layout;
  return safe;
}

export interface ScriptRun {
  text: string;
  script: Script;
}

/**
 * `text` cut into runs of one script. A Khmer or Arabic letter starts (or continues) a run in its script; a space or
 * zero-width joiner stays in the run it follows (when that font has it); anything else (digits, punctuation, Latin,
 * Cyrillic) is set in the base font. (The Noto subsets hold a few Latin glyphs without the mark anchors fontkit's
 * shaping expects: Latin in a Khmer run made fontkit throw.)
 */
export function scriptRuns(text: string, has: (script: Script, cp: number) => boolean = hasGlyph): ScriptRun[] {
  const runs: ScriptRun[] = [];
  for (const ch of text) {
    const current = runs.at(-1);
    const own = scriptOf(ch);
    const script: Script =
      own ??
      (current && current.script !== "base" && JOINER.test(ch) && has(current.script, ch.codePointAt(0) ?? 0)
        ? current.script
        : "base");
    if (current && current.script === script) current.text += ch;
    else runs.push({ text: ch, script });
  }
  return runs;
}

function hasGlyph(script: Script, cp: number): boolean {
  if (script === "base") return true;
  return fonts()[script].regular.hasGlyphForCodePoint(cp);
}

/** Whether a paragraph reads right to left: its first letter is Arabic script (as HTML's `dir="auto"` decides). */
export function isRtlText(text: string): boolean {
  for (const ch of text) if (LETTER.test(ch)) return ARABIC.test(ch);
  return false;
}

const WIN_ANSI_EXTRAS =
  "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122";
/** Characters PDF's built-in Helvetica can show (Latin-1 plus the WinAnsi extras such as dashes and quotes). */
export const fitsWinAnsi = (text: string) =>
  [...text].every((c) => c.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRAS.includes(c));

type TextOptions = PDFKit.Mixins.TextOptions & { bold?: boolean };
/** pdfkit's current font and size (not in its typings); `ascender` is in thousandths of the size. */
type FontState = { _font: { ascender: number }; _fontSize: number };

/**
 * pdfkit lays text out word by word (and caches each word) unless OpenType features are asked for: for Arabic script
 * that puts a line's words left to right, each right to left, with the spaces on the wrong side. Asking for a feature
 * the shaper applies anyway (`rlig`) makes pdfkit lay the whole line out at once, and fontkit orders it right to left.
 */
const shaping = (script: Script): Pick<PDFKit.Mixins.TextOptions, "features"> =>
  script === "arabic" ? { features: ["rlig"] } : {};

export interface PdfText {
  /** The base font's name for a weight (for svg-to-pdfkit's font callback and for plain ASCII such as page numbers). */
  base(bold?: boolean): string;
  /** The registered font name for a script and weight. */
  fontFor(script: Script, bold?: boolean): string;
  /** Writes `text` at (x, y) — or where the document is, when both are left out — in the fonts its scripts need. */
  write(text: string, x?: number, y?: number, options?: TextOptions): PDFKit.PDFDocument;
  /** The height `text` takes at the current size: the tallest of its fonts' (Noto Khmer's lines are taller). */
  heightOf(text: string, options?: TextOptions): number;
  /** The width of `text` on one line, run by run. */
  widthOf(text: string, options?: TextOptions): number;
}

/**
 * Registers the fonts on `doc` and answers the writer. `base: "helvetica"` keeps PDF's built-in Helvetica for the
 * Latin-only documents (nothing embedded, and the text stays readable in the file); otherwise DejaVu Sans is the base.
 * The Noto fonts are registered either way; pdfkit embeds a font (its used glyphs only) once a run is set in it.
 */
export function pdfText(doc: PDFKit.PDFDocument, opts: { base?: "dejavu" | "helvetica" } = {}): PdfText {
  const f = fonts();
  const names: Record<Script, Record<Weight, string>> = {
    base:
      opts.base === "helvetica"
        ? { regular: "Helvetica", bold: "Helvetica-Bold" }
        : { regular: "DejaVu", bold: "DejaVu-Bold" },
    khmer: { regular: "NotoKhmer", bold: "NotoKhmer-Bold" },
    arabic: { regular: "NotoArabic", bold: "NotoArabic-Bold" },
  };
  // pdfkit accepts a parsed font (it checks for `layout`); its typings only list files and buffers.
  const register = (name: string, font: ParsedFont) => doc.registerFont(name, font as unknown as Buffer);
  if (opts.base !== "helvetica") {
    register(names.base.regular, f.dejavu.regular);
    register(names.base.bold, f.dejavu.bold);
  }
  for (const script of ["khmer", "arabic"] as const) {
    register(names[script].regular, f[script].regular);
    register(names[script].bold, f[script].bold);
  }
  const fontFor = (script: Script, bold = false) => names[script][bold ? "bold" : "regular"];

  const widthOf = (text: string, o: TextOptions = {}) =>
    scriptRuns(text).reduce((w, r) => w + doc.font(fontFor(r.script, o.bold)).widthOfString(r.text, o), 0);

  const heightOf = (text: string, o: TextOptions = {}) => {
    const used = new Set(scriptRuns(text).map((r) => r.script));
    if (!used.size) used.add("base");
    const { bold: _bold, ...rest } = o;
    const h = Math.max(...[...used].map((s) => doc.font(fontFor(s, o.bold)).heightOfString(text, rest)));
    doc.font(fontFor("base", o.bold));
    return h;
  };

  const write = (text: string, x?: number, y?: number, o: TextOptions = {}) => {
    const { bold, ...options } = o;
    const runs = scriptRuns(text);
    const rtl = isRtlText(text);
    const align = options.align ?? (rtl ? "right" : undefined);
    const place = (t: string, opt: PDFKit.Mixins.TextOptions, first: boolean) =>
      // pdfkit reads an undefined x as "options come first": runs after the first pass their options only.
      first && (x !== undefined || y !== undefined) ? doc.text(t, x, y, opt) : doc.text(t, opt);
    if (runs.length <= 1) {
      const script = runs[0]?.script ?? "base";
      doc.font(fontFor(script, bold));
      return place(text, { ...options, ...shaping(script), align }, true);
    }
    // pdfkit aligns each `continued` fragment on its own: a mixed line that is right-aligned or centred is placed by
    // its measured width instead, its runs right to left when the paragraph is.
    const width = options.width ?? doc.page.width - doc.page.margins.right - (x ?? doc.x);
    if ((align === "right" || align === "center") && !options.continued && widthOf(text, o) <= width) {
      const left = x ?? doc.x;
      const top = y ?? doc.y;
      const total = widthOf(text, o);
      // Each font puts its own ascent below `top`: the runs are lowered to share the tallest one's baseline.
      const ascent = (script: Script) => (doc.font(fontFor(script, bold)) as unknown as FontState)._font.ascender;
      const baseline = Math.max(...runs.map((r) => ascent(r.script)));
      let at = left + (align === "right" ? width - total : (width - total) / 2);
      for (const r of rtl ? [...runs].reverse() : runs) {
        const drop = ((baseline - ascent(r.script)) / 1000) * (doc as unknown as FontState)._fontSize;
        // A left-to-right piece inside a right-to-left line: the space after it (in writing order) goes before it.
        const piece = rtl && r.script !== "arabic" ? r.text.replace(/^([\s\S]*?)(\s*)$/, "$2$1") : r.text;
        doc.font(fontFor(r.script, bold)).text(piece, at, top + drop, { lineBreak: false, ...shaping(r.script) });
        at += doc.widthOfString(piece);
      }
      const lineHeight = Math.max(...runs.map((r) => doc.font(fontFor(r.script, bold)).currentLineHeight(true)));
      doc.x = left;
      doc.y = top + lineHeight + (options.lineGap ?? 0);
      return doc;
    }
    runs.forEach((r, i) => {
      doc.font(fontFor(r.script, bold));
      const last = i === runs.length - 1;
      place(
        r.text,
        {
          ...options,
          ...shaping(r.script),
          align: align === "justify" ? align : undefined,
          continued: !last || options.continued,
        },
        i === 0,
      );
    });
    return doc;
  };

  return { base: (bold) => fontFor("base", bold), fontFor, write, heightOf, widthOf };
}

/**
 * A chart's SVG (ECharts) with every `<text>` whose words need another script split into `<tspan>`s per run, each
 * naming its font's family, so svg-to-pdfkit sets each run in the right font (`svgFontCallback`).
 */
export function svgWithScriptFonts(svg: string): string {
  return svg.replace(/(<text\b[^>]*>)([^<]*)(<\/text>)/g, (whole, open: string, body: string, close: string) => {
    const text = decodeEntities(body);
    const runs = scriptRuns(text);
    if (runs.every((r) => r.script === "base")) return whole;
    const spans = runs.map((r) => `<tspan font-family="${SVG_FAMILY[r.script]}">${encodeEntities(r.text)}</tspan>`);
    return `${open}${spans.join("")}${close}`;
  });
}

const SVG_FAMILY: Record<Script, string> = { base: "sans-serif", khmer: "openclm-khmer", arabic: "openclm-arabic" };

/** svg-to-pdfkit's font callback for charts passed through `svgWithScriptFonts`. */
export function svgFontCallback(text: PdfText) {
  return (family: string, bold: boolean) =>
    text.fontFor(
      family.includes("openclm-khmer") ? "khmer" : family.includes("openclm-arabic") ? "arabic" : "base",
      bold,
    );
}

const decodeEntities = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, "&");
const encodeEntities = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

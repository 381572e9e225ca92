import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * PDF pages looked at as images in tests: poppler's `pdftoppm` draws each page in grey (PGM, no anti-aliasing so
 * the same glyph always gives the same pixels), and the helpers below say what a reader would notice — whether a
 * page has anything on it, and whether a line of text is real letters or the same missing-glyph box again and again.
 */
export const PDFTOPPM = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((p) => existsSync(p)) ?? null;

export interface PageImage {
  width: number;
  height: number;
  /** One byte a pixel, 0 black … 255 white, row by row. */
  grey: Uint8Array;
}

/** Every page of the PDF as a grey image at `dpi`, first page first. Needs `PDFTOPPM` (check it before). */
export async function pdfPages(pdf: Buffer, dpi = 72): Promise<PageImage[]> {
  if (!PDFTOPPM) throw new Error("pdftoppm is not installed (poppler-utils)");
  const dir = await mkdtemp(path.join(os.tmpdir(), "pdf-pages-"));
  try {
    const input = path.join(dir, "in.pdf");
    await writeFile(input, pdf);
    await promisify(execFile)(PDFTOPPM, [
      "-gray",
      "-r",
      String(dpi),
      "-aa",
      "no",
      "-aaVector",
      "no",
      input,
      `${dir}/p`,
    ]);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".pgm"));
    // p-1.pgm … p-12.pgm (zero-padded to the same width): order by the page number.
    files.sort((a, b) => Number(a.match(/(\d+)\.pgm$/)?.[1]) - Number(b.match(/(\d+)\.pgm$/)?.[1]));
    return Promise.all(files.map(async (f) => parsePgm(await readFile(path.join(dir, f)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A binary PGM (P5, 8-bit). */
function parsePgm(buf: Buffer): PageImage {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i] ?? 32))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++;
      continue;
    }
    let field = "";
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i] ?? 32))) field += String.fromCharCode(buf[i++] ?? 0);
    fields.push(field);
  }
  if (fields[0] !== "P5" || fields[3] !== "255") throw new Error(`not an 8-bit binary PGM: ${fields.join(" ")}`);
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  return { width, height, grey: new Uint8Array(buf.subarray(i + 1, i + 1 + width * height)) };
}

const dark = (p: PageImage, x: number, y: number) => (p.grey[y * p.width + x] ?? 255) < 128;

/** Dark pixels in rows `from`…`to` (fractions of the height): 0 on a blank page. */
export function inkIn(p: PageImage, from = 0, to = 1): number {
  let n = 0;
  for (let y = Math.floor(from * p.height); y < Math.floor(to * p.height); y++)
    for (let x = 0; x < p.width; x++) if (dark(p, x, y)) n++;
  return n;
}

/** Bands of rows with ink (lines of text, rules, bars), top first, below `skipTop` (fraction of the height). */
export function inkBands(p: PageImage, skipTop = 0): { top: number; bottom: number }[] {
  const bands: { top: number; bottom: number }[] = [];
  let top = -1;
  for (let y = Math.floor(skipTop * p.height); y <= p.height; y++) {
    let ink = false;
    if (y < p.height) for (let x = 0; x < p.width && !ink; x++) ink = dark(p, x, y);
    if (ink && top < 0) top = y;
    if (!ink && top >= 0) {
      bands.push({ top, bottom: y });
      top = -1;
    }
  }
  return bands;
}

/**
 * The shapes along one band (a line of text): runs of inked columns cut at blank columns, each cropped to its ink.
 * Real text gives many different shapes; text in a font without its script gives one box repeated ("tofu").
 */
export function shapesIn(p: PageImage, band: { top: number; bottom: number }): string[] {
  const shapes: string[] = [];
  let start = -1;
  for (let x = 0; x <= p.width; x++) {
    let ink = false;
    if (x < p.width) for (let y = band.top; y < band.bottom && !ink; y++) ink = dark(p, x, y);
    if (ink && start < 0) start = x;
    if (!ink && start >= 0) {
      let rows: string[] = [];
      for (let y = band.top; y < band.bottom; y++) {
        let row = "";
        for (let cx = start; cx < x; cx++) row += dark(p, cx, y) ? "#" : ".";
        rows.push(row);
      }
      rows = rows.filter((r, i) => r.includes("#") || rows.slice(0, i).some((a) => a.includes("#")));
      while (rows.length && !rows.at(-1)?.includes("#")) rows.pop();
      shapes.push(rows.join("\n"));
      start = -1;
    }
  }
  return shapes;
}

/**
 * The tallest line of text between `from` and `to` (fractions of the height) and how many different shapes it is
 * made of: letters give many (`distinct` near `shapes`), a font without the script one box repeated (`distinct` 1–2).
 */
export function lineLetters(p: PageImage, from = 0.05, to = 1): { shapes: number; distinct: number } {
  const bands = inkBands(p, from).filter((b) => b.bottom <= to * p.height);
  if (!bands.length) return { shapes: 0, distinct: 0 };
  const line = bands.reduce((a, b) => (b.bottom - b.top > a.bottom - a.top ? b : a));
  const shapes = shapesIn(p, line);
  return { shapes: shapes.length, distinct: new Set(shapes).size };
}

import crypto from "node:crypto";
import { packSections, type ReviewPackModel } from "./review-pack.service.js";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

/** One style sheet, inline (the deck is one file) and allowed by its hash in the deck's own CSP: no script at all. */
const STYLE = `
*{box-sizing:border-box}body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2933;background:#e4e7eb}
.slide{background:#fff;max-width:1024px;min-height:576px;margin:24px auto;padding:40px 56px;border-top:8px solid #0b6e4f;box-shadow:0 1px 4px #0003;page-break-after:always;break-after:page}
h1{font-size:2.2em;margin:.2em 0}h2{font-size:1.5em;margin:0 0 .6em;color:#0b6e4f}.period{color:#52606d;font-size:1.2em}
table{border-collapse:collapse;width:100%}th,td{text-align:start;padding:.4em .6em;border-bottom:1px solid #cbd2d9;vertical-align:top}th{background:#f5f7fa}
td.n{text-align:end;font-variant-numeric:tabular-nums}.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:16px;margin:0 0 1em}
.tile{border:1px solid #cbd2d9;border-radius:8px;padding:12px 16px}.tile b{display:block;font-size:2em}.note{color:#52606d;font-size:.85em;margin-top:1.5em}
@media (max-width:600px){.slide{padding:20px 16px;margin:8px}body{font-size:16px}table{font-size:.85em;display:block;overflow-x:auto}th,td{overflow-wrap:anywhere}}
@media print{body{background:#fff}.slide{box-shadow:none;margin:0;max-width:none;min-height:auto}}
@page{size:A4 landscape;margin:12mm}`;

/** The Content-Security-Policy the deck is served with: its one style by hash, nothing else. */
export const reviewDeckCsp = `default-src 'none'; style-src 'sha256-${crypto.createHash("sha256").update(STYLE).digest("base64")}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function table(header: string[], rows: string[][], numeric: number[] = []): string {
  const th = header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<table tabindex="0"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const slide = (title: string, body: string) =>
  `<section class="slide" aria-label="${escapeHtml(title)}"><h2>${escapeHtml(title)}</h2>${body}</section>`;

/** The slide-style deck: one section a slide, printable one slide a page, readable on a phone. */
export function renderReviewDeck(m: ReviewPackModel): string {
  const p = packSections(m);
  const s = m.strings;
  const tiles = (pairs: [string, string][]) =>
    `<div class="tiles">${pairs.map(([k, v]) => `<div class="tile"><b>${escapeHtml(v)}</b>${escapeHtml(k)}</div>`).join("")}</div>`;
  const slides = [
    `<section class="slide" aria-label="${escapeHtml(p.title)}"><p>${escapeHtml(m.fs.kicker)}</p><h1>${escapeHtml(p.title)}</h1><p class="period">${escapeHtml(p.period)}</p></section>`,
    slide(
      s.headlineVsTargets,
      `${tiles(p.headline)}${p.targets.length ? table(p.targetHeader, p.targets, [2, 3]) : `<p>${escapeHtml(m.fs.none)}</p>`}`,
    ),
    slide(s.topPerArea, p.areas.length ? table(p.areaHeader, p.areas) : `<p>${escapeHtml(m.fs.none)}</p>`),
    slide(s.openCases, p.cases.length ? table(p.caseHeader, p.cases, [3]) : `<p>${escapeHtml(s.noCases)}</p>`),
    slide(
      s.loopClosure,
      `${tiles(p.loop)}<h3>${escapeHtml(s.agreedActions)}</h3><p>${escapeHtml(s.agreedActionsHint)}</p><p class="note">${escapeHtml(p.note)}</p>`,
    ),
  ];
  return `<!doctype html><html lang="${escapeHtml(m.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(p.title)}</title><style>${STYLE}</style></head><body><main>${slides.join("")}</main></body></html>`;
}

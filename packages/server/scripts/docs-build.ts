/**
 * `npm run docs:build [-- <out dir>]`: the manuals as files to hand out or print, per language: <out>/<lang>/index.html,
 * <lang>/<manual>.html and <lang>/<manual>.pdf, with the stylesheet and the screenshots beside them. The same renderer
 * and PDF writer as the server's /help (help/help-manuals.ts, help/help-pdf.ts), so the files are what /help serves.
 * Default folder: docs/manual/build (not committed; docs/adr/0024-manuals-from-the-product.md). Needs no browser: the
 * screenshots are the committed ones (`npm run docs:screens` takes them again).
 */
import fs from "node:fs";
import path from "node:path";
import {
  fileLinks,
  helpFontFile,
  helpFonts,
  manualLanguages,
  manualSlugs,
  readManual,
  renderHelpIndex,
  renderManualPage,
} from "../src/help/help-manuals.js";
import { renderManualPdf } from "../src/help/help-pdf.js";
import { assetsDir, manualDir } from "../src/paths.js";

const out = path.resolve(process.argv[2] ?? path.join(manualDir, "build"));
const started = Date.now();
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(path.join(assetsDir, "help", "help.css"), path.join(out, "help.css"));
fs.mkdirSync(path.join(out, "fonts"));
for (const font of helpFonts) fs.copyFileSync(helpFontFile(font) as string, path.join(out, "fonts", font));
fs.cpSync(path.join(manualDir, "screens"), path.join(out, "screens"), { recursive: true });

let pages = 0;
for (const lang of manualLanguages()) {
  const dir = path.join(out, lang);
  fs.mkdirSync(dir, { recursive: true });
  const index = renderHelpIndex(lang, { links: fileLinks });
  if (index) fs.writeFileSync(path.join(dir, "index.html"), index);
  for (const slug of manualSlugs) {
    const manual = readManual(lang, slug);
    if (!manual) continue;
    fs.writeFileSync(path.join(dir, `${slug}.html`), renderManualPage(manual, { links: fileLinks }));
    fs.writeFileSync(path.join(dir, `${slug}.pdf`), await renderManualPdf(manual));
    pages++;
    console.log(`${lang}/${slug}: html, pdf`);
  }
}
console.log(`${pages} manuals written to ${path.relative(process.cwd(), out) || "."} in ${Date.now() - started} ms`);

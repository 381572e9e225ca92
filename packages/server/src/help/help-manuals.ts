import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { markdownRenderer, sanitizeOptions } from "../content/content-markdown.js";
import { manualDir } from "../paths.js";
import { DEFAULT_LANGUAGES } from "../taxonomy/default-taxonomy.js";
import { helpStringsFor } from "./help.strings.js";

/**
 * The manuals (issue 25, docs/adr/0024-manuals-from-the-product.md): Markdown per role in docs/manual/<lang>/, with the
 * screenshots `npm run docs:screens` takes in docs/manual/screens/<lang>/. The server renders them into the help pages
 * (/help) with the content renderer and sanitiser (ADR 0018), plus two rules of their own:
 * - `## Heading {#anchor}`: an anchor that stays the same in every language, so the app's Help links (web
 *   shared/help-links.ts) open the right section whatever the language;
 * - `[[Validate]]`: a screen element named by its label, in the manual's language. A test
 *   (web help/manual-references.test.ts) fails when a label is no longer in that language's catalogue, so a manual
 *   cannot go on naming a button that was renamed or removed.
 * Images are only the manuals' own screenshots (`screens/<name>.png`); a language without its own picture shows
 * English's.
 */

/** The manuals, in the order the help index lists them. */
export const manualSlugs = ["community", "inbox", "dashboard", "setup", "operations"] as const;
export type ManualSlug = (typeof manualSlugs)[number];

export const isManualSlug = (s: string): s is ManualSlug => (manualSlugs as readonly string[]).includes(s);

const LANG = /^[a-z]{2,3}$/;
const SCREEN = /^screens\/([a-z0-9-]+\.png)$/;
const UI_REF = /\[\[([^\]\n]+)\]\]/g;
const ANCHOR = /\s*\{#([a-z0-9-]+)\}\s*$/;

export interface Manual {
  lang: string;
  slug: ManualSlug;
  title: string;
  audience: string;
  /** The Markdown after the front matter. */
  body: string;
}

/** Where the links of a rendered manual point: the server's /help, or the files `npm run docs:build` writes. */
export interface HelpLinks {
  /** Prefix of every help address: "/help" on the server, a relative path in the built files. */
  base: string;
  /** Ending of a page address: "" on the server, ".html" in the built files. */
  ext: string;
  /** The address of a language's list of manuals. */
  index: (lang: string) => string;
}

export const serverLinks: HelpLinks = { base: "/help", ext: "", index: (lang) => `/help/${lang}` };

/** Links between the files `npm run docs:build` writes: <out>/<lang>/index.html, <lang>/<manual>.html and .pdf. */
export const fileLinks: HelpLinks = { base: "..", ext: ".html", index: (lang) => `../${lang}/index.html` };

/** The languages with manuals: the folders of docs/manual that hold Markdown. English first. */
export function manualLanguages(dir = manualDir): string[] {
  if (!fs.existsSync(dir)) return [];
  const langs = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && LANG.test(d.name))
    .filter((d) => fs.readdirSync(path.join(dir, d.name)).some((f) => f.endsWith(".md")))
    .map((d) => d.name)
    .sort();
  return [...langs.filter((l) => l === "en"), ...langs.filter((l) => l !== "en")];
}

/** `---` front matter (`key: value` lines) and the Markdown after it. */
export function parseManual(source: string): { meta: Record<string, string>; body: string } {
  const m = source.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/);
  if (!m) return { meta: {}, body: source };
  const meta: Record<string, string> = {};
  for (const line of (m[1] ?? "").split(/\r?\n/)) {
    const kv = line.match(/^([A-Za-z]+):\s*(.*)$/);
    if (kv?.[1]) meta[kv[1]] = (kv[2] ?? "").trim();
  }
  return { meta, body: m[2] ?? "" };
}

/** One manual in one language, or null when that language has none. */
export function readManual(lang: string, slug: ManualSlug, dir = manualDir): Manual | null {
  if (!LANG.test(lang)) return null;
  const file = path.join(dir, lang, `${slug}.md`);
  if (!fs.existsSync(file)) return null;
  const { meta, body } = parseManual(fs.readFileSync(file, "utf8"));
  return { lang, slug, title: meta.title ?? slug, audience: meta.audience ?? "", body };
}

/** The screen elements a manual names (`[[label]]`), in order of appearance. */
export function uiReferences(markdown: string): string[] {
  return [...markdown.matchAll(UI_REF)].map((m) => m[1] ?? "");
}

/** The screenshots a manual shows (`![…](screens/<file>.png)`), by file name. */
export function screenReferences(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\((screens\/[^)\s]+)\)/g)].map((m) => (m[1] ?? "").replace("screens/", ""));
}

/** The screenshot to show for `file` in `lang`: its own, else English's, else none. */
export function screenFile(lang: string, file: string, dir = manualDir): string | null {
  if (!LANG.test(lang) || !/^[a-z0-9-]+\.png$/.test(file)) return null;
  for (const l of [lang, "en"]) {
    const p = path.join(dir, "screens", l, file);
    if (fs.existsSync(p)) return p;
  }
  return null;
}

/**
 * The web fonts help.css names (`/help/fonts/<file>`, `fonts/<file>` beside the built pages): Noto Sans Khmer, regular
 * and bold, from the @fontsource package the web app and the PDFs use. Khmer is the one shipped script a reader's
 * system often lacks a font for (boxes instead of letters); the stylesheet loads it only for Khmer letters.
 */
export const helpFonts = ["noto-sans-khmer-khmer-400-normal.woff2", "noto-sans-khmer-khmer-700-normal.woff2"] as const;

/** The file of one of `helpFonts`, or null for any other name. */
export function helpFontFile(file: string): string | null {
  if (!(helpFonts as readonly string[]).includes(file)) return null;
  return createRequire(import.meta.url).resolve(`@fontsource/noto-sans-khmer/files/${file}`);
}

/** A type, not an interface: markdown-it's env is an open record, which only a type alias is assignable to. */
type HelpEnv = { lang: string; links: HelpLinks; dir: string };

function helpMarkdown(): MarkdownIt {
  const md = markdownRenderer((src, env) => {
    const e = env as Partial<HelpEnv>;
    const m = src.match(SCREEN);
    const file = m?.[1] && e.lang ? screenFile(e.lang, m[1], e.dir) : null;
    if (!file || !e.links || !e.lang) return null;
    const lang = path.basename(path.dirname(file));
    return `${e.links.base}/screens/${lang}/${path.basename(file)}`;
  });
  // `[[label]]`: a screen element, shown as the label in bold.
  md.inline.ruler.before("link", "ui_ref", (state, silent) => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5b) return false;
    const end = state.src.indexOf("]]", start + 2);
    const label = end < 0 ? "" : state.src.slice(start + 2, end);
    if (!label.trim() || label.includes("\n") || label.includes("[")) return false;
    if (!silent) state.push("ui_ref", "", 0).content = label;
    state.pos = end + 2;
    return true;
  });
  md.renderer.rules.ui_ref = (tokens, idx) =>
    `<strong class="ui">${md.utils.escapeHtml(tokens[idx]?.content ?? "")}</strong>`;
  // `## Title {#anchor}`: the anchor becomes the heading's id.
  md.core.ruler.push("heading_anchor", (state) => {
    state.tokens.forEach((token, i) => {
      const inline = state.tokens[i + 1];
      if (token.type !== "heading_open" || !inline) return;
      const m = inline.content.match(ANCHOR);
      if (!m?.[1]) return;
      token.attrSet("id", m[1]);
      inline.content = inline.content.replace(ANCHOR, "");
      const last = inline.children?.at(-1);
      if (last?.type === "text") last.content = last.content.replace(ANCHOR, "");
    });
  });
  return md;
}

const md = helpMarkdown();

const helpSanitize: sanitizeHtml.IOptions = {
  ...sanitizeOptions,
  allowedAttributes: { ...sanitizeOptions.allowedAttributes, h2: ["id"], h3: ["id"], strong: ["class"] },
  allowedClasses: { ...sanitizeOptions.allowedClasses, strong: ["ui"] },
};

/** Markdown tokens of a manual (the PDF writer walks them). */
export function manualTokens(manual: Manual, links: HelpLinks = serverLinks, dir = manualDir) {
  return md.parse(manual.body, { lang: manual.lang, links, dir } satisfies HelpEnv);
}

/** The manual's body as sanitised HTML, and its sections (the `##` headings with an anchor). */
export function renderManualBody(
  manual: Manual,
  links: HelpLinks = serverLinks,
  dir = manualDir,
): { html: string; sections: { id: string; title: string }[] } {
  const env: HelpEnv = { lang: manual.lang, links, dir };
  const tokens = md.parse(manual.body, env);
  const sections: { id: string; title: string }[] = [];
  tokens.forEach((t, i) => {
    const id = t.attrGet("id");
    if (t.type === "heading_open" && t.tag === "h2" && id)
      sections.push({ id: String(id), title: tokens[i + 1]?.content ?? "" });
  });
  return { html: sanitizeHtml(md.renderer.render(tokens, md.options, env), helpSanitize), sections };
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Where each manual's screens are, for the link back to the platform. */
const surfaceOf: Record<ManualSlug, string> = {
  community: "/app",
  inbox: "/inbox",
  dashboard: "/dashboard",
  setup: "/setup",
  operations: "/setup/settings",
};

function page(opts: {
  lang: string;
  title: string;
  links: HelpLinks;
  otherLanguages: { lang: string; href: string }[];
  main: string;
}): string {
  const s = helpStringsFor(opts.lang);
  const { base } = opts.links;
  const languages = opts.otherLanguages.length
    ? `<nav class="help-languages" aria-label="${esc(s.languages)}"><ul>${opts.otherLanguages
        .map(
          (o) => `<li><a href="${esc(o.href)}" hreflang="${o.lang}" lang="${o.lang}">${esc(autonym(o.lang))}</a></li>`,
        )
        .join("")}</ul></nav>`
    : "";
  return `<!doctype html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(opts.title)}</title>
<link rel="stylesheet" href="${base}/help.css">${base.startsWith("/") ? '\n<link rel="icon" href="/icons/icon.svg" type="image/svg+xml">' : ""}
</head>
<body>
<a class="skip-link" href="#main">${esc(s.skip)}</a>
<header class="help-header"><a class="help-home" href="${opts.links.index(opts.lang)}">${esc(s.help)}</a>${languages}</header>
<main id="main" tabindex="-1">
${opts.main}
</main>
</body>
</html>
`;
}

/** A language's own name as the platform's language menu gives it ("Bahasa Indonesia", not Intl's "Indonesia"). */
function autonym(lang: string): string {
  const shipped = DEFAULT_LANGUAGES.find((l) => l.code === lang)?.name;
  if (shipped) return shipped;
  try {
    const name = new Intl.DisplayNames([lang], { type: "language" }).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}

/** The whole help page of one manual. `fallbackFrom`: the language the reader asked for, when it has no manual. */
export function renderManualPage(
  manual: Manual,
  opts: { links?: HelpLinks; dir?: string; fallbackFrom?: string } = {},
): string {
  const links = opts.links ?? serverLinks;
  const dir = opts.dir ?? manualDir;
  const s = helpStringsFor(opts.fallbackFrom ?? manual.lang);
  const { html, sections } = renderManualBody(manual, links, dir);
  const toc = sections.length
    ? `<nav class="help-toc" aria-labelledby="help-toc"><h2 id="help-toc">${esc(s.contents)}</h2><ol>${sections
        .map((x) => `<li><a href="#${x.id}">${esc(x.title)}</a></li>`)
        .join("")}</ol></nav>`
    : "";
  const notice = opts.fallbackFrom
    ? `<p class="help-notice" lang="${opts.fallbackFrom}">${esc(s.notTranslated)}</p>`
    : "";
  const main = `${notice}<h1>${esc(manual.title)}</h1>
<p class="help-audience">${esc(helpStringsFor(manual.lang).forWhom(manual.audience))}</p>
<p class="help-actions"><a href="${links.base}/${manual.lang}/${manual.slug}.pdf">${esc(helpStringsFor(manual.lang).pdf)}</a>${
    links.base.startsWith("/")
      ? ` <a href="${surfaceOf[manual.slug]}">${esc(helpStringsFor(manual.lang).open)}</a>`
      : ""
  }</p>
${toc}
<div class="help-body">${html}</div>`;
  return page({
    lang: manual.lang,
    title: `${manual.title} · ${helpStringsFor(manual.lang).help}`,
    links,
    otherLanguages: manualLanguages(dir)
      .filter((l) => l !== manual.lang && readManual(l, manual.slug, dir))
      .map((l) => ({ lang: l, href: `${links.base}/${l}/${manual.slug}${links.ext}` })),
    main,
  });
}

/** The help index of one language: every manual with whom it is for. */
export function renderHelpIndex(lang: string, opts: { links?: HelpLinks; dir?: string } = {}): string | null {
  const links = opts.links ?? serverLinks;
  const dir = opts.dir ?? manualDir;
  const manuals = manualSlugs.map((slug) => readManual(lang, slug, dir)).filter((m): m is Manual => m !== null);
  if (!manuals.length) return null;
  const s = helpStringsFor(lang);
  const main = `<h1>${esc(s.manuals)}</h1>
<p>${esc(s.intro)}</p>
<ul class="help-manuals">${manuals
    .map(
      (m) =>
        `<li><a href="${links.base}/${lang}/${m.slug}${links.ext}">${esc(m.title)}</a><span>${esc(m.audience)}</span></li>`,
    )
    .join("")}</ul>`;
  return page({
    lang,
    title: `${s.manuals} · ${s.help}`,
    links,
    otherLanguages: manualLanguages(dir)
      .filter((l) => l !== lang)
      .map((l) => ({ lang: l, href: links.index(l) })),
    main,
  });
}

import fs from "node:fs";
import path from "node:path";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import { assetsDir } from "../paths.js";
import { AppError } from "../platform/app-error.js";
import { requestedLanguage } from "../platform/request-context.js";
import { helpStrings } from "./help.strings.js";
import {
  helpFontFile,
  isManualSlug,
  manualLanguages,
  readManual,
  renderHelpIndex,
  renderManualPage,
  screenFile,
} from "./help-manuals.js";

/** Pages are small and change only with a release: revalidated, so a new release shows at once. */
const PAGE_CACHE = "no-cache";
const notFound = (url: string) => new AppError("ROUTE_NOT_FOUND", `No help page at ${url.split("?")[0]}`);

/**
 * /help: the manuals as pages (and PDFs) served by the platform itself (docs/adr/0024-manuals-from-the-product.md).
 * Public: they describe the product, never data. Rendered once per process from docs/manual and kept; the PDFs are
 * written on first request (pdfkit loads then, as for the factsheet). A language without manuals is sent to English
 * with a notice in the reader's language.
 */
export const helpRoutes: FastifyPluginAsync = async (app) => {
  const pages = new Map<string, string>();
  const pdfs = new Map<string, Promise<Buffer>>();
  const css = fs.readFileSync(path.join(assetsDir, "help", "help.css"));
  const languages = () => manualLanguages();
  const html = (reply: FastifyReply, body: string) =>
    reply.type("text/html; charset=utf-8").header("Cache-Control", PAGE_CACHE).send(body);
  const cached = (key: string, make: () => string | null) => {
    let page = pages.get(key);
    if (page === undefined) {
      const made = make();
      if (made === null) return null;
      page = made;
      pages.set(key, page);
    }
    return page;
  };
  const opts = { config: { auth: "public" as const }, schema: { hide: true } };

  app.get("/help", opts, async (req, reply) => {
    const want = (requestedLanguage(req) ?? "en").split("-")[0] ?? "en";
    const lang = languages().includes(want) ? want : "en";
    return reply.header("Cache-Control", PAGE_CACHE).redirect(`/help/${lang}`, 302);
  });

  app.get("/help/help.css", opts, async (_req, reply) =>
    reply.type("text/css; charset=utf-8").header("Cache-Control", PAGE_CACHE).send(css),
  );

  // The Khmer font the pages ask for where a reader's system may have none (help.css, by unicode-range: only a page
  // with Khmer letters loads it). The file of the same package the web app and the PDFs use; nothing else is served.
  app.get<{ Params: { file: string } }>("/help/fonts/:file", opts, async (req, reply) => {
    const file = helpFontFile(req.params.file);
    if (!file) throw notFound(req.url);
    return reply.type("font/woff2").header("Cache-Control", "public, max-age=604800").send(fs.readFileSync(file));
  });

  app.get<{ Params: { lang: string; file: string } }>("/help/screens/:lang/:file", opts, async (req, reply) => {
    const file = screenFile(req.params.lang, req.params.file);
    // Only the folder asked for: the page already names English's picture where a language has none.
    if (!file || path.basename(path.dirname(file)) !== req.params.lang) throw notFound(req.url);
    return reply.type("image/png").header("Cache-Control", PAGE_CACHE).send(fs.readFileSync(file));
  });

  app.get<{ Params: { lang: string } }>("/help/:lang", opts, async (req, reply) => {
    const { lang } = req.params;
    if (!languages().includes(lang)) {
      if (!/^[a-z]{2,3}$/.test(lang)) throw notFound(req.url);
      return reply.redirect("/help/en", 302);
    }
    const page = cached(`index:${lang}`, () => renderHelpIndex(lang));
    if (!page) throw notFound(req.url);
    return html(reply, page);
  });

  app.get<{ Params: { lang: string; manual: string } }>("/help/:lang/:manual", opts, async (req, reply) => {
    const { lang } = req.params;
    const pdf = req.params.manual.endsWith(".pdf");
    const slug = req.params.manual.replace(/\.pdf$/, "");
    if (!isManualSlug(slug) || !/^[a-z]{2,3}$/.test(lang)) throw notFound(req.url);
    const own = readManual(lang, slug);
    if (pdf) {
      if (!own) throw notFound(req.url);
      let made = pdfs.get(`${lang}/${slug}`);
      if (!made) {
        // pdfkit and its fonts load with the first PDF, not with every process.
        made = import("./help-pdf.js").then((m) => m.renderManualPdf(own));
        made.catch(() => pdfs.delete(`${lang}/${slug}`));
        pdfs.set(`${lang}/${slug}`, made);
      }
      return reply
        .type("application/pdf")
        .header("Content-Disposition", `inline; filename="openclm-${slug}-${lang}.pdf"`)
        .header("Cache-Control", PAGE_CACHE)
        .send(await made);
    }
    if (!own) {
      // No manual in this language yet: English, with a notice in the reader's language where the frame has one.
      if (!readManual("en", slug)) throw notFound(req.url);
      return reply.redirect(`/help/en/${slug}${helpStrings[lang] ? `?from=${lang}` : ""}`, 302);
    }
    const from = (req.query as { from?: string }).from;
    const fallbackFrom = from && from !== lang && helpStrings[from] ? from : undefined;
    const page = cached(`${lang}/${slug}/${fallbackFrom ?? ""}`, () => renderManualPage(own, { fallbackFrom }));
    return html(reply, page ?? "");
  });
};

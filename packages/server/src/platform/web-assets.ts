import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { webDistDir } from "../paths.js";
import { AppError } from "./app-error.js";
import { preferredEncoding } from "./compression.js";
import { requestedLanguage } from "./request-context.js";
import { preloadLinks, readPreloadManifest, withPreloads } from "./surface-preload.js";

/** Paths the single-page app owns; anything under them that is not a file gets index.html. */
export const surfacePrefixes = ["/app", "/inbox", "/dashboard", "/setup", "/audit", "/account", "/reset-password"];

export function isSurfacePath(url: string): boolean {
  const pathname = url.split("?")[0] ?? "/";
  return pathname === "/" || surfacePrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** A source map of the built app: readable source for anyone who gets it, so only signed-in staff do. */
export function isSourceMap(url: string): boolean {
  return (url.split("?")[0] ?? "").endsWith(".map");
}

/** Build outputs named by content hash (Vite's `assets/`): a new release gets new names, so they never go stale. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** The HTML shell, service worker, manifest and icons: cached, but revalidated each time so a release shows at once. */
export const REVALIDATE = "no-cache";

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenCLM</title></head>
<body><main><h1>OpenCLM</h1><p>The web app is not built yet: run <code>npm run build</code>.</p></main></body></html>`;

interface IndexVariants {
  identity: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}

function readIndex(distDir: string): IndexVariants {
  const file = path.join(distDir, "index.html");
  if (!fs.existsSync(file)) return { identity: Buffer.from(notBuilt) };
  const variant = (ext: string) => (fs.existsSync(`${file}${ext}`) ? fs.readFileSync(`${file}${ext}`) : undefined);
  return { identity: fs.readFileSync(file), br: variant(".br"), gzip: variant(".gz") };
}

/**
 * The shell page for a request: index.html as built, or with the surface's preload links (surface-preload.ts). Each
 * variant is compressed once, when first asked for, and kept: a handful of surfaces times a handful of languages.
 */
function indexPages(distDir: string): (req: FastifyRequest) => IndexVariants {
  const built = readIndex(distDir);
  const manifest = readPreloadManifest(distDir);
  const variants = new Map<string, IndexVariants>();
  return (req) => {
    const links = manifest ? preloadLinks(manifest, req.url.split("?")[0] ?? "/", requestedLanguage(req)) : "";
    if (!links) return built;
    let page = variants.get(links);
    if (!page) {
      const html = Buffer.from(withPreloads(built.identity.toString("utf8"), links));
      page = { identity: html, br: zlib.brotliCompressSync(html), gzip: zlib.gzipSync(html, { level: 9 }) };
      variants.set(links, page);
    }
    return page;
  };
}

/**
 * The web app is served by the same process from its built files, so `npm start` is all an operator runs. The build
 * writes a brotli and a gzip copy beside every text file (scripts/build.mjs); the copy the browser accepts is sent
 * as is, with `Content-Encoding` and `Vary: Accept-Encoding`, so nothing is compressed per request.
 */
export async function registerWebAssets(
  app: FastifyInstance,
  opts: { distDir?: string } = {},
): Promise<{ sendIndex: (req: FastifyRequest, reply: FastifyReply) => unknown }> {
  const distDir = opts.distDir ?? webDistDir;
  // The auth hooks attach a staff session to these paths too; anyone else is told there is nothing here.
  app.addHook("onRequest", async (req) => {
    if (isSourceMap(req.url) && !(req.actor.type === "staff" && req.actor.stage === "full")) {
      throw new AppError("ROUTE_NOT_FOUND", `No route for ${req.method} ${req.url.split("?")[0]}`);
    }
  });
  const indexFor = indexPages(distDir);
  if (fs.existsSync(path.join(distDir, "index.html"))) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false, // one route per built file; every other surface path falls through to index.html
      index: false,
      preCompressed: true,
      // The .br and .gz copies are picked by Accept-Encoding for their file's URL; they get no URL of their own.
      globIgnore: ["**/*.br", "**/*.gz"],
      setHeaders(res, filePath) {
        // Hashed assets never change; the shell and service worker must be revalidated to pick up releases.
        res.header("Cache-Control", filePath.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : REVALIDATE);
      },
    });
  }
  return {
    sendIndex: (req, reply) => {
      const index = indexFor(req);
      const encoding = preferredEncoding(req.headers["accept-encoding"], index);
      // The page names the caller's translation catalogs (surface-preload.ts): it varies with the language too.
      reply.code(200).header("Cache-Control", REVALIDATE).header("Vary", "Accept-Encoding, Accept-Language");
      if (encoding !== "identity") reply.header("Content-Encoding", encoding);
      return reply.type("text/html; charset=utf-8").send(index[encoding]);
    },
  };
}

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { AppError } from "./app-error.js";

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../web/dist");

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

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>OpenCLM</title></head>
<body><main><h1>OpenCLM</h1><p>The web app is not built yet: run <code>npm run build</code>.</p></main></body></html>`;

/** The web app is served by the same process from its built files, so `npm start` is all an operator runs. */
export async function registerWebAssets(
  app: FastifyInstance,
): Promise<{ sendIndex: (reply: import("fastify").FastifyReply) => unknown }> {
  // The auth hooks attach a staff session to these paths too; anyone else is told there is nothing here.
  app.addHook("onRequest", async (req) => {
    if (isSourceMap(req.url) && !(req.actor.type === "staff" && req.actor.stage === "full")) {
      throw new AppError("ROUTE_NOT_FOUND", `No route for ${req.method} ${req.url.split("?")[0]}`);
    }
  });
  const built = fs.existsSync(path.join(distDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: false, // one route per built file; every other surface path falls through to index.html
      index: false,
      setHeaders(res, filePath) {
        // Hashed assets never change; the shell and service worker must be revalidated to pick up releases.
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          res.header("Cache-Control", "public, max-age=31536000, immutable");
        else res.header("Cache-Control", "no-cache");
      },
    });
  }
  const index = built ? fs.readFileSync(path.join(distDir, "index.html"), "utf8") : notBuilt;
  return {
    sendIndex: (reply) =>
      reply.code(200).header("Cache-Control", "no-cache").type("text/html; charset=utf-8").send(index),
  };
}

import fs from "node:fs";
import path from "node:path";

/**
 * What each surface's page announces beside the shell: its own scripts and style sheets and its translation
 * catalogs, read from the build's preload.json (scripts/build.mjs). Without them a phone fetches the shell, runs it,
 * and only then asks for the surface's chunks: one more round trip (hundreds of milliseconds on 2G) before anything
 * shows. With them the browser fetches everything at once.
 */
export interface PreloadManifest {
  surfaces: Record<string, { js: string[]; css: string[] }>;
  /** `"<language>/<namespace>"` → the catalog's chunk and what it imports. */
  catalogs: Record<string, string[]>;
}

/**
 * The surface each path prefix shows and the translation namespaces it loads besides `common`, as the web app's
 * router does (packages/web/src/app.tsx: the `lazyRoute` of each route). A path not listed announces nothing extra.
 */
const surfaceRoutes: { prefix: string; surface: string; namespaces: string[] }[] = [
  { prefix: "/app", surface: "community", namespaces: ["app"] },
  { prefix: "/dashboard", surface: "dashboard", namespaces: ["dashboard"] },
  { prefix: "/inbox", surface: "inbox", namespaces: ["inbox"] },
  { prefix: "/setup", surface: "setup", namespaces: ["setup", "dashboard"] },
  { prefix: "/audit", surface: "audit", namespaces: ["audit"] },
  { prefix: "/account", surface: "account", namespaces: [] },
  { prefix: "/reset-password", surface: "reset-password", namespaces: [] },
];

export function readPreloadManifest(distDir: string): PreloadManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(distDir, "preload.json"), "utf8")) as PreloadManifest;
  } catch {
    return null; // an older build, or none: pages announce only the shell
  }
}

/**
 * The `<link>` elements for the page at `pathname` in `language` (the caller's, when the app has its catalogs:
 * English `common` is in the shell). `crossorigin` as Vite's own links have it, so the browser reuses what it
 * preloaded when the app imports the chunk; style sheets are preloaded, not applied, as Vite applies them itself.
 */
export function preloadLinks(manifest: PreloadManifest, pathname: string, language: string | undefined): string {
  const route = surfaceRoutes.find((r) => pathname === r.prefix || pathname.startsWith(`${r.prefix}/`));
  const needs = route && manifest.surfaces[route.surface];
  if (!route || !needs) return "";
  const primary = language?.split("-")[0];
  const catalogs = ["common", ...route.namespaces].flatMap((ns) => manifest.catalogs[`${primary}/${ns}`] ?? []);
  const scripts = [...new Set([...needs.js, ...catalogs])];
  return [
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
    ...needs.css.map((file) => `<link rel="preload" as="style" crossorigin href="/${file}">`),
  ].join("");
}

/** The shell page with the links added at the end of its head. */
export function withPreloads(html: string, links: string): string {
  return links ? html.replace("</head>", `${links}</head>`) : html;
}

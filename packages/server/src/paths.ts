import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The server package's folder, found from this module's own location: `src/` when run through tsx, `dist/` (or one of
 * its chunk folders) when run compiled, where the bundler has moved every module. Files the server reads at run time
 * (migrations, fonts, its package.json, the built web app) are named from here, never relative to a module.
 */
function findServerRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const serverRoot = findServerRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The built web app (packages/web/dist), served by the same process. */
export const webDistDir = path.resolve(serverRoot, "../web/dist");
export const migrationsDir = path.join(serverRoot, "drizzle");
export const fontsDir = path.join(serverRoot, "assets/fonts");
/** The manuals (docs/manual: Markdown per language, and the screenshots `npm run docs:screens` takes), served at /help. */
export const manualDir = path.resolve(serverRoot, "../../docs/manual");
/** Files the server serves as they are (the help pages' stylesheet). */
export const assetsDir = path.join(serverRoot, "assets");

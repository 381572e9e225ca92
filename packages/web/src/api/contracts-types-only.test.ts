import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const webSrc = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * Every module the app can load (its entry and, through their `import()`, all lazy surfaces), as a bundler follows
 * them: imports used only as types are dropped, as Vite drops them. esbuild stands in for Vite here because it
 * answers in a fraction of a second; the CSS and the app's few Vite-only module names do not matter for this.
 */
async function loadedModules(): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(webSrc, "main.tsx")],
    bundle: true,
    splitting: true,
    format: "esm",
    outdir: "unused",
    write: false,
    metafile: true,
    logLevel: "silent",
    jsx: "automatic",
    jsxImportSource: "preact",
    loader: { ".css": "empty", ".svg": "empty", ".png": "empty", ".woff2": "empty" },
    external: ["virtual:*"],
  });
  return Object.keys(result.metafile.inputs);
}

test("the web app takes only types from the contracts' schemas: zod never reaches a bundle", async () => {
  const modules = await loadedModules();
  assert.ok(
    modules.some((m) => m.includes("contracts/src/constants.ts")),
    "the contracts' constants are loaded (a sanity check that the walk reached them)",
  );
  const offending = modules.filter((m) => /node_modules\/zod\/|contracts\/src\/index\.ts/.test(m));
  assert.deepEqual(
    offending,
    [],
    "a value import from @openclm/contracts (not `import type`) pulls the schemas and zod in: the /app budget and the CSP (zod's eval probe) forbid it; take values from @openclm/contracts/constants",
  );
});

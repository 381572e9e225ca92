import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

/**
 * Compiles test files to plain JavaScript once per run, for scripts/test.sh (ADR 0013). Run through tsx, every test
 * process spent about 3 s of CPU translating the server and routing each of its ~2,000 module loads through tsx's
 * loader thread, before its first test; with ~150 test processes in a run that was a third of the suite's CPU.
 *
 * One esbuild call compiles every entry point together: the repository's own TypeScript (the server, the contracts,
 * the web code under test) is bundled, split into chunks the test files share; npm packages stay external and load
 * exactly as they do in production. Each module keeps its own `import.meta.url` (written in as the source file's URL),
 * so a module that finds files beside itself (migrations, fonts, main.ts for the spawned-server tests) finds the same
 * files as under tsx. scripts/test.sh puts the output under node_modules/.cache, so that npm packages resolve from
 * the root node_modules, and deletes it when the run ends.
 *
 *   node --import tsx packages/server/src/testing/compile-tests.ts <outdir> <files…>
 * writes `<outdir>/<file's path from the repository root, .ts replaced by .mjs>` for each file (and shared chunks).
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/** npm packages (and node: built-ins) stay imports; the workspace's own packages are compiled with the tests. */
const externalPackages: esbuild.Plugin = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@openclm/") || path.isAbsolute(args.path) ? undefined : { path: args.path, external: true },
    );
  },
};

/** `import.meta.url` of the module as written, not of the chunk it ends up in. */
const sourceModuleUrls: esbuild.Plugin = {
  name: "source-module-urls",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await fs.promises.readFile(args.path, "utf8");
      const loader = args.path.endsWith("x") ? "tsx" : "ts";
      if (!source.includes("import.meta.url")) return { contents: source, loader };
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll("import.meta.url", url), loader };
    });
  },
};

async function compileTests(outdir: string, files: string[]): Promise<void> {
  await esbuild.build({
    entryPoints: files.map((f) => path.resolve(f)),
    outbase: repoRoot,
    outdir,
    outExtension: { ".js": ".mjs" },
    entryNames: "[dir]/[name]",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "linked",
    logLevel: "warning",
    plugins: [externalPackages, sourceModuleUrls],
  });
}

const [outdir, ...files] = process.argv.slice(2);
if (!outdir || files.length === 0) {
  console.error("usage: compile-tests.ts <outdir> <files…>");
  process.exit(2);
}
await compileTests(path.resolve(outdir), files);

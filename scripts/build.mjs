#!/usr/bin/env node
// Builds what `npm start` runs, once: the contracts (JavaScript + declarations, tsc), the server (one ESM bundle per
// entry point, esbuild) and the web app (Vite, then a brotli and a gzip copy of every text file). Each part is rebuilt
// only when its inputs changed: a stamp in its dist/ folder holds a hash of every input file (sources, package.json,
// the lock file, this script), so `npm start` on an unchanged checkout starts at once. Plain Node, no dependencies
// until something must be built (ADR 0015).
//
//   node scripts/build.mjs           build what is missing or stale (npm run build, npm start's prestart)
//   node scripts/build.mjs --force   build everything
//   node scripts/build.mjs --check   exit 1 if anything is missing or stale, build nothing
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const force = args.has("--force");
const checkOnly = args.has("--check");
const STAMP = ".build-stamp.json";
/** Progress goes to stderr: `npm run audit:verify` builds first, and what it prints on stdout is for the operator. */
const log = (line) => process.stderr.write(`${line}\n`);

const contractsDir = path.join(root, "packages/contracts");
const serverDir = path.join(root, "packages/server");
const webDir = path.join(root, "packages/web");

/** Files whose content decides the output; tests are not part of any build. */
function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  const stat = fs.statSync(dir);
  if (stat.isFile()) return [dir];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (!/\.(test|e2e)\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function hashInputs(inputs) {
  const hash = createHash("sha256");
  const files = inputs.flatMap((p) => listFiles(path.join(root, p))).sort();
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(fs.readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

const shared = ["package.json", "package-lock.json", "tsconfig.base.json", "scripts/build.mjs"];
const contractsInputs = [
  "packages/contracts/src",
  "packages/contracts/package.json",
  "packages/contracts/tsconfig.json",
  "packages/contracts/tsconfig.build.json",
];

const targets = [
  {
    name: "contracts",
    dist: path.join(contractsDir, "dist"),
    output: "index.js",
    inputs: [...shared, ...contractsInputs],
    build: buildContracts,
  },
  {
    name: "server",
    dist: path.join(serverDir, "dist"),
    output: "main.js",
    inputs: [
      ...shared,
      ...contractsInputs,
      "packages/server/src",
      "packages/server/scripts",
      "packages/server/package.json",
      // The server bundles the web app's catalogues (one catalogue, ADR 0019).
      "packages/web/src/i18n",
    ],
    build: buildServer,
  },
  {
    name: "web",
    dist: path.join(webDir, "dist"),
    output: "index.html",
    inputs: [
      ...shared,
      ...contractsInputs,
      "packages/web/src",
      "packages/web/public",
      "packages/web/build",
      "packages/web/index.html",
      "packages/web/vite.config.ts",
      "packages/web/package.json",
      "packages/web/tsconfig.json",
    ],
    build: buildWeb,
  },
];

function readStamp(target) {
  try {
    return JSON.parse(fs.readFileSync(path.join(target.dist, STAMP), "utf8"));
  } catch {
    return null;
  }
}

function isFresh(target, hash) {
  return readStamp(target)?.inputs === hash && fs.existsSync(path.join(target.dist, target.output));
}

function run(cmd, cmdArgs, opts = {}) {
  const result = spawnSync(cmd, cmdArgs, { stdio: "inherit", ...opts });
  if (result.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(" ")} failed (exit ${result.status})`);
}

function bin(name) {
  const file = path.join(root, "node_modules/.bin", name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${name} is missing: building needs the devDependencies (npm ci without --omit=dev). A production install ` +
        "runs what was built elsewhere: copy the dist/ folders with it (docs/ARCHITECTURE.md, Build and run).",
    );
  }
  return file;
}

async function buildContracts(target) {
  fs.rmSync(target.dist, { recursive: true, force: true });
  run(bin("tsc"), ["-p", path.join(contractsDir, "tsconfig.build.json")], { cwd: root });
}

/** Every bare import except our own workspace packages stays an import, resolved from node_modules at run time. */
const externalPackages = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (a) => {
      if (a.kind === "entry-point" || a.path.startsWith("@openclm/")) return undefined;
      return { path: a.path, external: true };
    });
  },
};

const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

async function buildServer(target) {
  bin("esbuild"); // a clear message when the devDependencies are missing
  const esbuild = await import("esbuild");
  fs.rmSync(target.dist, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: serverDir,
    entryPoints: {
      main: "src/main.ts",
      "scripts/audit-verify": "scripts/audit-verify.ts",
      "scripts/search-reindex": "scripts/search-reindex.ts",
      "scripts/keys-rotate": "scripts/keys-rotate.ts",
      "scripts/admin-create": "scripts/admin-create.ts",
      "scripts/dhis2-push": "scripts/dhis2-push.ts",
    },
    outdir: "dist",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true, // dynamic import() (the factsheet's PDF renderer) becomes a chunk loaded when first used
    format: "esm",
    platform: "node",
    target: "node20.19",
    // The contracts as compiled by tsc (dist/), the same JavaScript any other consumer gets.
    conditions: ["openclm-compiled"],
    sourcemap: true,
    metafile: true,
    logLevel: "warning",
    plugins: [externalPackages],
  });
  // What the bundle imports at run time must be installed by `npm ci --omit=dev`: Node's own modules and the
  // server's production dependencies, nothing else (no tsx, no drizzle-kit, no pino-pretty).
  const pkg = JSON.parse(fs.readFileSync(path.join(serverDir, "package.json"), "utf8"));
  const allowed = new Set(Object.keys(pkg.dependencies ?? {}));
  const external = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imp of output.imports) if (imp.external) external.add(imp.path);
  }
  const packages = [...external].filter((p) => !p.startsWith("node:") && !builtinModules.includes(p)).map(packageName);
  const missing = [...new Set(packages)].filter((p) => !allowed.has(p)).sort();
  if (missing.length) {
    throw new Error(`the server imports packages that are not its production dependencies: ${missing.join(", ")}`);
  }
  fs.writeFileSync(
    path.join(target.dist, "runtime-imports.json"),
    `${JSON.stringify({ packages: [...new Set(packages)].sort() }, null, 2)}\n`,
  );
}

async function buildWeb(target) {
  // Always a production build: NODE_ENV=development in the shell must not ship an app without its service worker.
  run(bin("vite"), ["build", "--mode", "production"], {
    cwd: webDir,
    env: { ...process.env, NODE_ENV: "production" },
  });
  writePreloads(target.dist);
  await precompress(target.dist);
}

/**
 * dist/preload.json, from Vite's manifest: for each surface (src/surfaces/<x>/<name>.surface.tsx) the scripts and
 * style sheets it needs beyond the shell that index.html already loads, and for each translation catalog its chunk.
 * The server lists them in the page of that surface (`<link rel="modulepreload">`), so a phone fetches them with
 * the shell instead of one round trip later, when the shell's code asks for them (issue 21: first paint on 2G).
 */
function writePreloads(dist) {
  const viteDir = path.join(dist, ".vite");
  const manifest = JSON.parse(fs.readFileSync(path.join(viteDir, "manifest.json"), "utf8"));
  const closure = (key, seen = new Set()) => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
    return seen;
  };
  const shell = closure("index.html");
  const needs = (key) => {
    const keys = [...closure(key)].filter((k) => !shell.has(k));
    return { js: keys.map((k) => manifest[k].file), css: [...new Set(keys.flatMap((k) => manifest[k].css ?? []))] };
  };
  const surfaces = {};
  const catalogs = {};
  for (const key of Object.keys(manifest)) {
    const surface = key.match(/^src\/surfaces\/[\w-]+\/([\w-]+)\.surface\.tsx$/);
    const catalog = key.match(/^src\/i18n\/locales\/([\w-]+)\/(\w+)\.ts$/);
    if (surface) surfaces[surface[1]] = needs(key);
    else if (catalog) catalogs[`${catalog[1]}/${catalog[2]}`] = needs(key).js;
  }
  fs.writeFileSync(path.join(dist, "preload.json"), `${JSON.stringify({ surfaces, catalogs }, null, 2)}\n`);
  // The manifest itself is for this step only: not a file to serve.
  fs.rmSync(viteDir, { recursive: true, force: true });
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|ttf)$/;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * A `.br` (quality 11) and a `.gz` (level 9) beside each text file, made once here at the highest
 * levels instead of per request; the server picks the one the browser accepts (@fastify/static `preCompressed`).
 * Source maps are left out: staff only, rarely fetched, and compressed on the fly when they are.
 */
async function precompress(dir) {
  // Small files too: a text file without copies would be compressed again on every request (@fastify/compress).
  const files = listFiles(dir).filter((f) => COMPRESSIBLE.test(f));
  let raw = 0;
  let br = 0;
  let gz = 0;
  await Promise.all(
    files.map(async (file) => {
      const data = fs.readFileSync(file);
      const [b, g] = await Promise.all([
        brotli(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          },
        }),
        gzip(data, { level: 9 }),
      ]);
      fs.writeFileSync(`${file}.br`, b);
      fs.writeFileSync(`${file}.gz`, g);
      raw += data.length;
      br += b.length;
      gz += g.length;
    }),
  );
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  log(`precompressed ${files.length} files: ${kb(raw)} → brotli ${kb(br)}, gzip ${kb(gz)}`);
}

let stale = 0;
for (const target of targets) {
  const hash = hashInputs(target.inputs);
  if (!force && isFresh(target, hash)) {
    if (!checkOnly) log(`build: ${target.name} up to date`);
    continue;
  }
  stale++;
  if (checkOnly) {
    log(`build: ${target.name} is ${readStamp(target) ? "stale" : "missing"}`);
    continue;
  }
  const started = Date.now();
  log(`build: ${target.name} …`);
  try {
    await target.build(target);
  } catch (err) {
    console.error(`build: ${target.name} failed: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  }
  // Written last: a build that stopped half-way has no stamp and runs again.
  const stamp = { inputs: hash, builtAt: new Date().toISOString(), node: process.version };
  fs.writeFileSync(path.join(target.dist, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
  log(`build: ${target.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (checkOnly && stale) process.exit(1);

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { serverRoot, webDistDir } from "./paths.js";
import { compiledMain, type SpawnedServer, spawnServer, stopServer } from "./testing/spawn-server.js";
import { signInOverHttp } from "./testing/staff-session.js";
import { demoDataDir } from "./testing/test-templates.js";

// test-database: embedded only (the PostgreSQL pass of scripts/test.sh skips this file)
// What `npm start` runs: the build made by scripts/build.mjs, started with plain Node and no TypeScript loader.
const repoRoot = path.resolve(serverRoot, "../..");
const buildScript = path.join(repoRoot, "scripts/build.mjs");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-compiled-"));
let server: SpawnedServer | undefined;

function build(args: string[] = [], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [buildScript, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

before(async () => {
  // Builds only what is missing or stale. With NODE_ENV=development, as a developer's shell may have it: the web
  // build must come out the same (with its service worker).
  const made = build([], { NODE_ENV: "development" });
  assert.equal(made.status, 0, `${made.stdout}\n${made.stderr}`);
  // On a copy of the run's Demoland (main.test.ts starts on an empty DATA_DIR and sees the demo loaded).
  server = await spawnServer({ ...demoDataDir(dataDir), NODE_OPTIONS: undefined }, { compiled: true });
});

after(async () => {
  if (server) await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a second build finds everything up to date and builds nothing", () => {
  const check = build(["--check"]);
  assert.equal(check.status, 0, check.stderr);
  const again = build();
  assert.equal(again.status, 0);
  assert.match(again.stderr, /server up to date/);
  assert.match(again.stderr, /web up to date/);
  assert.doesNotMatch(again.stderr, /done in/);
  assert.equal(again.stdout, "", "progress goes to stderr, so audit:verify's own output stays clean");
});

test("the compiled server imports nothing at run time but Node and the server's production dependencies", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(serverRoot, "package.json"), "utf8"));
  const rootPkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
  const { packages } = JSON.parse(fs.readFileSync(path.join(serverRoot, "dist/runtime-imports.json"), "utf8")) as {
    packages: string[];
  };
  assert.ok(packages.includes("fastify"), "the list is the bundle's real imports");
  const dev = new Set([...Object.keys(pkg.devDependencies ?? {}), ...Object.keys(rootPkg.devDependencies ?? {})]);
  for (const name of packages) {
    assert.ok(name in pkg.dependencies, `${name} is a production dependency of @openclm/server`);
    assert.ok(!dev.has(name), `${name} is not a devDependency`);
  }
  assert.ok(!("tsx" in pkg.dependencies), "tsx is a development tool only");
});

test("pdfkit, fontkit and ECharts are not loaded at start-up: only with the first factsheet", () => {
  // Every module main.js reaches through static imports, from the bundle's own files.
  const seen = new Set<string>();
  const externals = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, "utf8");
    for (const m of code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*"([^"]+)"|^\s*import\s*"([^"]+)"/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith(".")) visit(path.resolve(path.dirname(file), spec));
      else externals.add(spec);
    }
  };
  visit(compiledMain);
  assert.ok(externals.has("fastify"));
  for (const heavy of ["pdfkit", "svg-to-pdfkit", "echarts"]) assert.ok(!externals.has(heavy), `${heavy} is lazy`);
  const chunks = fs.readdirSync(path.join(serverRoot, "dist/chunks"));
  assert.ok(
    chunks.some((c) => c.startsWith("factsheet.pdf-")),
    "the PDF renderer is a chunk of its own",
  );
});

test("it serves the API and the precompressed web app, with the service worker built", async () => {
  const url = `http://127.0.0.1:${server!.port}`;
  const health = await fetch(`${url}/api/health`);
  assert.equal(health.status, 200);
  assert.equal(((await health.json()) as { status: string }).status, "ok");
  assert.ok(fs.existsSync(path.join(webDistDir, "sw.js")), "the service worker is part of every build");

  const app = await fetch(`${url}/app`, { headers: { "accept-encoding": "br" } });
  assert.equal(app.status, 200);
  assert.equal(app.headers.get("content-encoding"), "br");
  const html = await app.text(); // fetch decodes brotli
  const entry = html.match(/src="(\/assets\/index-[\w-]+\.js)"/)?.[1];
  assert.ok(entry, "the shell names its entry script");
  const script = await fetch(`${url}${entry}`, { headers: { "accept-encoding": "gzip" } });
  assert.equal(script.headers.get("content-encoding"), "gzip");
  assert.equal(script.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.match(await script.text(), /serviceWorker\.register\(/, "the app registers its service worker");
});

test("a factsheet is made by the compiled server: the PDF chunk, pdfkit and the fonts are found at run time", async () => {
  const url = `http://127.0.0.1:${server!.port}`;
  const accounts = JSON.parse(fs.readFileSync(path.join(dataDir, "demo-accounts.json"), "utf8")) as {
    role: string;
    email: string;
    password: string;
    totpSecret: string;
  }[];
  const analyst = accounts.find((a) => a.role === "data_manager")!;
  const cookie = await signInOverHttp(url, analyst);
  const year = new Date().getUTCFullYear() - 1;
  const pdf = await fetch(`${url}/api/dashboard/factsheet?from=${year}-01-01&to=${year}-12-31&lang=en`, {
    headers: { cookie },
  });
  assert.equal(pdf.status, 200, await pdf.clone().text());
  assert.equal(pdf.headers.get("content-type"), "application/pdf");
  assert.equal(
    Buffer.from(await pdf.arrayBuffer())
      .subarray(0, 5)
      .toString(),
    "%PDF-",
  );
});

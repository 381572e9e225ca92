import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Puts the compiled test files of one pass into a few group modules, each run by one process (scripts/test.sh,
 * ADR 0013). A test process spends seconds of CPU before its first test: loading the server's packages, compiling
 * the embedded database's 9 MB of WebAssembly and warming the JIT up on Fastify, Drizzle and zod. Measured on six
 * database files: 35.6 s of CPU as six processes, 18.6 s as one. A group imports its files one after another, each
 * inside its own `describe` named after the file: the file's top-level hooks and tests belong to that suite (so one
 * file's `before` and `after` run around its own tests only, and a failure is reported under the file's name), and
 * every file still starts from its own copy of the template database.
 *
 *   node --import tsx packages/server/src/testing/group-tests.ts <outdir> <pass> <filesPerGroup> <source=compiled>…
 * writes `<outdir>/<pass>-<n>.group.mjs` and prints their paths, the costliest group first. `pass` (embedded,
 * postgres, browser) also names the measured costs to balance the groups with (scripts/test-costs.json).
 */

interface Entry {
  source: string;
  compiled: string;
  /** How long the file's tests take: seconds measured in an earlier run, or estimated from its size (estimateCosts). */
  cost: number;
}

/** Seconds per test file and pass, measured (scripts/test-times.mjs writes it with UPDATE_TEST_COSTS=1). */
const COSTS_FILE = fileURLToPath(new URL("../../../../scripts/test-costs.json", import.meta.url));

/**
 * Each file's cost in this pass: its measured seconds, or for a file not measured yet (new, or renamed) its size
 * times the pass's seconds per byte over the measured files. Sizes alone misled the grouping badly: a short file
 * that starts a real server takes ten times a long file of pure functions.
 */
export function estimateCosts(
  files: { source: string; size: number }[],
  measured: Record<string, number> = {},
): number[] {
  const known = files.filter((f) => measured[f.source] !== undefined);
  const knownSeconds = known.reduce((sum, f) => sum + (measured[f.source] ?? 0), 0);
  const knownBytes = known.reduce((sum, f) => sum + f.size, 0);
  const perByte = knownBytes > 0 && knownSeconds > 0 ? knownSeconds / knownBytes : 1;
  return files.map((f) => measured[f.source] ?? f.size * perByte);
}

function measuredCosts(pass: string): Record<string, number> {
  if (!fs.existsSync(COSTS_FILE)) return {};
  const all = JSON.parse(fs.readFileSync(COSTS_FILE, "utf8")) as Record<string, Record<string, number>>;
  return all[pass] ?? {};
}

/**
 * Longest first, each file to the group that has the least so far: the groups end close together, so the last one
 * does not run alone at the end of the pass.
 */
export function groupTests(entries: Entry[], groupCount: number): Entry[][] {
  const groups = Array.from({ length: Math.max(1, groupCount) }, () => ({ cost: 0, entries: [] as Entry[] }));
  for (const entry of [...entries].sort((a, b) => b.cost - a.cost || a.source.localeCompare(b.source))) {
    const lightest = groups.reduce((min, g) => (g.cost < min.cost ? g : min));
    lightest.entries.push(entry);
    lightest.cost += entry.cost;
  }
  return groups
    .filter((g) => g.entries.length > 0)
    .sort((a, b) => b.cost - a.cost)
    .map((g) => g.entries.sort((a, b) => a.source.localeCompare(b.source)));
}

/**
 * The group's module. Before a file's own hooks and tests, `globalThis[Symbol.for("openclm.test-file")]` names the file
 * running: test helpers that keep state for one server's life (staff-session.ts's used sign-in codes) key it by file.
 */
export function groupModule(entries: Entry[]): string {
  const lines = entries.map((e) => {
    const name = JSON.stringify(e.source);
    return [
      `describe(${name}, async () => {`,
      `  before(() => {\n    globalThis[Symbol.for("openclm.test-file")] = ${name};\n  });`,
      `  await import(${JSON.stringify(pathToFileURL(e.compiled).href)});`,
      "});",
    ].join("\n");
  });
  // What a file hands over for the whole process (the browser files' shared Chromium) ends after the last file.
  const processEnd = [
    'const processEnd = (globalThis[Symbol.for("openclm.test-process-end")] = []);',
    "after(async () => {\n  for (const end of processEnd) await end();\n});",
  ].join("\n");
  return `// Written by packages/server/src/testing/group-tests.ts for one test run.\nimport { after, before, describe } from "node:test";\n\n${processEnd}\n\n${lines.join("\n")}\n`;
}

function main(): void {
  const [outdir, name, perGroup, ...pairs] = process.argv.slice(2);
  const filesPerGroup = Number(perGroup);
  if (!outdir || !name || !Number.isInteger(filesPerGroup) || filesPerGroup < 1 || pairs.length === 0) {
    console.error("usage: group-tests.ts <outdir> <name> <filesPerGroup> <source=compiled>…");
    process.exit(2);
  }
  const files = pairs.map((pair) => {
    const [source = "", compiled = ""] = pair.split("=");
    return { source, compiled: path.resolve(compiled), size: fs.statSync(source).size };
  });
  const costs = estimateCosts(files, measuredCosts(name));
  const entries = files.map(({ source, compiled }, i) => ({ source, compiled, cost: costs[i] ?? 0 }));
  const groups = groupTests(entries, Math.ceil(entries.length / filesPerGroup));
  groups.forEach((group, i) => {
    const file = path.resolve(outdir, `${name}-${i + 1}.group.mjs`);
    fs.writeFileSync(file, groupModule(group));
    console.log(file);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();

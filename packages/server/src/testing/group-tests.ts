import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Puts the compiled test files of one pass into a few group modules, each run by one process (scripts/test.sh,
 * ADR 0013). A test process spends seconds of CPU before its first test: loading the server's packages, compiling
 * the embedded database's 9 MB of WebAssembly and warming the JIT up on Fastify, Drizzle and zod. Measured on six
 * database files: 35.6 s of CPU as six processes, 18.6 s as one. A group imports its files one after another, each
 * inside its own `describe` named after the file: the file's top-level hooks and tests belong to that suite (so one
 * file's `before` and `after` run around its own tests only, and a failure is reported under the file's name), and
 * every file still starts from its own copy of the template database.
 *
 *   node --import tsx packages/server/src/testing/group-tests.ts <outdir> <name> <filesPerGroup> <source=compiled>…
 * writes `<outdir>/<name>-<n>.group.mjs` and prints their paths, the costliest group first.
 */

interface Entry {
  source: string;
  compiled: string;
  /** The source file's size: a rough measure of how long its tests take. */
  cost: number;
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
  return `// Written by packages/server/src/testing/group-tests.ts for one test run.\nimport { before, describe } from "node:test";\n\n${lines.join("\n")}\n`;
}

function main(): void {
  const [outdir, name, perGroup, ...pairs] = process.argv.slice(2);
  const filesPerGroup = Number(perGroup);
  if (!outdir || !name || !Number.isInteger(filesPerGroup) || filesPerGroup < 1 || pairs.length === 0) {
    console.error("usage: group-tests.ts <outdir> <name> <filesPerGroup> <source=compiled>…");
    process.exit(2);
  }
  const entries = pairs.map((pair) => {
    const [source = "", compiled = ""] = pair.split("=");
    return { source, compiled: path.resolve(compiled), cost: fs.statSync(source).size };
  });
  const groups = groupTests(entries, Math.ceil(entries.length / filesPerGroup));
  groups.forEach((group, i) => {
    const file = path.resolve(outdir, `${name}-${i + 1}.group.mjs`);
    fs.writeFileSync(file, groupModule(group));
    console.log(file);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();

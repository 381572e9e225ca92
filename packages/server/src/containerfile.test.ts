import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { serverRoot } from "./paths.js";

/**
 * No container engine runs where the tests do, so the image is never built here: these checks keep the Containerfile
 * from rotting silently when a folder moves, a workspace is added or the start command changes.
 */
const repoRoot = path.resolve(serverRoot, "../..");
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), "utf8");

interface Instruction {
  stage: string;
  keyword: string;
  args: string;
}

/** The instructions, continuation lines joined, each with the name of the stage it belongs to. */
function parseContainerfile(text: string): Instruction[] {
  const lines = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  let stage = "";
  return lines.map((line) => {
    const [keyword, ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (keyword!.toUpperCase() === "FROM") stage = args.match(/\bAS\s+(\S+)/i)?.[1] ?? args;
    return { stage, keyword: keyword!.toUpperCase(), args };
  });
}

/** `COPY [--from=x] src... dest` as its sources and stage; exec (JSON) form is not used. */
function copies(instructions: Instruction[]) {
  return instructions
    .filter((i) => i.keyword === "COPY")
    .map((i) => {
      const words = i.args.split(/\s+/);
      const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length);
      const paths = words.filter((w) => !w.startsWith("--"));
      return { stage: i.stage, from, sources: paths.slice(0, -1), dest: paths.at(-1)! };
    });
}

/** The folders scripts/build.mjs writes (the only things a build stage makes that the repository does not hold). */
const builtFolders = ["packages/contracts/dist", "packages/server/dist", "packages/web/dist"];

/** A simplified reading of .dockerignore: `**\/name` ignores that name at any depth, other lines a path prefix. */
function isIgnored(file: string, patterns: string[]): boolean {
  const parts = file.split("/");
  return patterns.some((p) =>
    p.startsWith("**/")
      ? parts.some((part) => part === p.slice(3) || (p.slice(3).startsWith("*") && part.endsWith(p.slice(4))))
      : file === p || file.startsWith(`${p}/`),
  );
}

describe("Containerfile", () => {
  const instructions = parseContainerfile(read("Containerfile"));
  const ignore = read(".dockerignore")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));

  test("copies from the build context only files the repository holds and the ignore file lets through", () => {
    const fromContext = copies(instructions).filter((c) => !c.from);
    assert.ok(fromContext.length > 0);
    for (const source of fromContext.flatMap((c) => c.sources)) {
      assert.ok(fs.existsSync(path.join(repoRoot, source)), `COPY ${source}: no such file in the repository`);
      assert.ok(!isIgnored(source, ignore), `COPY ${source}: .dockerignore leaves it out of the build context`);
    }
  });

  test("copies from the build stage only what scripts/build.mjs produces, from where the build stage worked", () => {
    const buildWorkdir = instructions.find((i) => i.stage === "build" && i.keyword === "WORKDIR")?.args;
    const fromBuild = copies(instructions).filter((c) => c.from === "build");
    assert.deepEqual(
      fromBuild.flatMap((c) => c.sources).map((s) => path.posix.relative(buildWorkdir!, s)),
      builtFolders,
    );
    const buildScript = read("scripts/build.mjs");
    for (const folder of builtFolders) {
      const pkg = folder.split("/")[1];
      assert.match(
        buildScript,
        new RegExp(`dist: path\\.join\\(${pkg}Dir, "dist"\\)`),
        `build.mjs no longer writes ${folder}`,
      );
    }
  });

  test("gives npm ci, in both stages, the manifest of every workspace the lock file names", () => {
    const workspaces = (JSON.parse(read("package.json")) as { workspaces: string[] }).workspaces;
    for (const stage of ["build", "runtime"]) {
      const sources = copies(instructions)
        .filter((c) => c.stage === stage && !c.from)
        .flatMap((c) => c.sources);
      for (const ws of workspaces) assert.ok(sources.includes(`${ws}/package.json`), `${stage}: ${ws}/package.json`);
      assert.ok(sources.includes("package-lock.json"), `${stage}: package-lock.json`);
    }
  });

  test("starts what `npm start` starts (the compiled server), as a user other than root", () => {
    const runtime = instructions.filter((i) => i.stage === "runtime");
    const cmd = JSON.parse(runtime.find((i) => i.keyword === "CMD")!.args) as string[];
    const start = (JSON.parse(read("package.json")) as { scripts: { start: string } }).scripts.start;
    assert.deepEqual(cmd, start.split(" "));
    assert.equal(cmd.at(-1), "packages/server/dist/main.js");
    const user = runtime.findLast((i) => i.keyword === "USER")?.args;
    assert.ok(user && user !== "root" && user !== "0", `runs as ${user ?? "root"}`);
  });

  test("checks health at the route the server answers and keeps DATA_DIR on a volume", () => {
    const runtime = instructions.filter((i) => i.stage === "runtime");
    assert.match(runtime.find((i) => i.keyword === "HEALTHCHECK")!.args, /\/api\/health\b/);
    assert.match(fs.readFileSync(path.join(serverRoot, "src/platform/platform.routes.ts"), "utf8"), /"\/health"/);
    const dataDir = runtime.find((i) => i.keyword === "ENV")!.args.match(/DATA_DIR=(\S+)/)?.[1];
    assert.ok(dataDir, "ENV DATA_DIR");
    assert.match(runtime.find((i) => i.keyword === "VOLUME")!.args, new RegExp(`"${dataDir}"`));
  });
});

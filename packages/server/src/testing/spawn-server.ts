import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The real entry point, run as an operator runs it, for tests of start-up and shutdown: the TypeScript source through
// tsx, or (`compiled`) the build that `npm start` runs (scripts/build.mjs), with no loader at all.
const mainTs = path.join(path.dirname(fileURLToPath(import.meta.url)), "../main.ts");
export const compiledMain = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../dist/main.js");
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");

/**
 * The node arguments that run one of the repository's TypeScript programs (main.ts, a script): its copy compiled by
 * scripts/test.sh when the run has one (OPENCLM_TEST_BUILD, see testing/compile-tests.ts), which starts in a third of
 * the CPU time, else the source through tsx.
 */
export function programArgs(tsFile: string): string[] {
  const build = process.env.OPENCLM_TEST_BUILD;
  if (build) {
    const compiled = path.join(build, path.relative(repoRoot, tsFile).replace(/\.ts$/, ".mjs"));
    if (fs.existsSync(compiled)) return [compiled];
  }
  return ["--import", "tsx", tsFile];
}

export interface SpawnedServer {
  child: ChildProcess;
  port: number;
  output: () => string;
}

/** A start that ended before "OpenCLM ready": its exit code and everything it printed. */
export interface FailedStart extends Error {
  code: number | null;
  out: string;
}

function serverEnv(extraEnv: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: "0", LOG_LEVEL: "info", NODE_ENV: "test" };
  // The caller names the database: an inherited DATABASE_URL or key would point the child at something else.
  delete env.DATABASE_URL;
  delete env.CLM_ENCRYPTION_KEY;
  delete env.CLM_ENCRYPTION_KEY_FILE;
  for (const [name, value] of Object.entries(extraEnv)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/**
 * Starts `main.ts` with the given environment (DATA_DIR at least) and resolves once it logs "OpenCLM ready"; rejects
 * with a FailedStart if it exits first.
 */
export function spawnServer(
  extraEnv: Record<string, string | undefined>,
  opts: { compiled?: boolean } = {},
): Promise<SpawnedServer> {
  const args = opts.compiled ? ["--enable-source-maps", compiledMain] : programArgs(mainTs);
  const child = spawn(process.execPath, args, {
    env: serverEnv(extraEnv),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const port = out.match(/listening at http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
      if (port && out.includes("OpenCLM ready")) resolve({ child, port: Number(port), output: () => out });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(Object.assign(new Error(`exited with ${code}: ${out}`), { code, out })));
  });
}

/** Starts `main.ts` expecting it to refuse: resolves with its exit code and output (fails the test if it starts). */
export async function spawnRefusedServer(extraEnv: Record<string, string | undefined>): Promise<FailedStart> {
  try {
    const started = await spawnServer(extraEnv);
    await stopServer(started);
  } catch (err) {
    return err as FailedStart;
  }
  throw new Error("the server started, but should have refused to");
}

/** SIGTERM, then the exit code. */
export function stopServer(s: SpawnedServer): Promise<number | null> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve(s.child.exitCode);
    s.child.once("exit", (code) => resolve(code));
    s.child.kill("SIGTERM");
  });
}

/** What a command printed and how it ended. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the operator's commands (`packages/server/scripts/<name>.ts`, as `npm run <name>` does) with the same
 * environment rules as the server, and resolves when it exits. Output goes through files, not pipes: the esbuild
 * helper tsx starts may outlive the command holding a pipe open, and a file is complete once the command exits.
 */
export async function runCommand(
  name: string,
  args: string[],
  extraEnv: Record<string, string | undefined>,
): Promise<CommandResult> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), `../../scripts/${name}.ts`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-command-"));
  const files = { stdout: path.join(dir, "stdout"), stderr: path.join(dir, "stderr") };
  const out = fs.openSync(files.stdout, "w");
  const err = fs.openSync(files.stderr, "w");
  try {
    const child = spawn(process.execPath, [...programArgs(script), ...args], {
      env: serverEnv(extraEnv),
      stdio: ["ignore", out, err],
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
    return { code, stdout: fs.readFileSync(files.stdout, "utf8"), stderr: fs.readFileSync(files.stderr, "utf8") };
  } finally {
    fs.closeSync(out);
    fs.closeSync(err);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const mainTs = path.join(path.dirname(fileURLToPath(import.meta.url)), "../main.ts");

export interface Started {
  child: ChildProcess;
  port: number;
  output: () => string;
}

/** Runs the real entry point, as an operator would, on the embedded database in `dataDir`; resolves once listening. */
export function startMain(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Started> {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: "0", LOG_LEVEL: "info", NODE_ENV: "test", ...extraEnv };
  delete (env as Record<string, string | undefined>).DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", mainTs], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/listening at http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) resolve({ child, port: Number(m[1]), output: () => out });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(Object.assign(new Error(`exited with ${code}: ${out}`), { code, out })));
  });
}

/** Sends SIGTERM and resolves with the exit code. */
export function stopMain(s: Started): Promise<number | null> {
  return new Promise((resolve) => {
    s.child.once("exit", (code) => resolve(code));
    s.child.kill("SIGTERM");
  });
}

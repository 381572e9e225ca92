// A throw-away PostgreSQL primary and a streaming replica of it, for `npm run soak`: two clusters of the machine's
// PostgreSQL 15 in a temporary folder, on ports of their own, trust authentication on 127.0.0.1 only. The machine's
// own server is left alone (its pg_hba.conf allows no replication connections).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface SoakClusters {
  primaryUrl: string;
  replicaUrl: string;
  /** Cuts the replication link (the primary's WAL sender is terminated); the replica reconnects by itself. */
  cutReplicationLink(): void;
  stop(): void;
}

function binDir(): string {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv) return fromEnv;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions[0]) throw new Error("PostgreSQL server binaries not found: set PG_BINDIR");
  return path.join(root, versions[0], "bin");
}

/** PostgreSQL refuses to run as root: as root, the clusters belong to the `postgres` user. */
function run(bin: string, tool: string, args: string[]): string {
  const cmd = path.join(bin, tool);
  const asRoot = process.getuid?.() === 0;
  return execFileSync(asRoot ? "runuser" : cmd, asRoot ? ["-u", "postgres", "--", cmd, ...args] : args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export async function startSoakClusters(database: string): Promise<SoakClusters> {
  const bin = binDir();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-soak-pg-"));
  fs.chmodSync(base, 0o755);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", base]);
  const primary = path.join(base, "primary");
  const replica = path.join(base, "replica");
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const options = (port: number) => `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${base}`;
  const stop = () => {
    for (const dir of [replica, primary]) {
      try {
        run(bin, "pg_ctl", ["-D", dir, "-m", "immediate", "stop"]);
      } catch {
        // not running
      }
    }
    fs.rmSync(base, { recursive: true, force: true });
  };
  try {
    // initdb's trust lines cover replication connections from 127.0.0.1 too.
    run(bin, "initdb", ["-D", primary, "-A", "trust", "-U", "postgres", "--no-sync"]);
    run(bin, "pg_ctl", [
      "-D",
      primary,
      "-l",
      path.join(base, "primary.log"),
      "-o",
      options(primaryPort),
      "-w",
      "start",
    ]);
    run(bin, "createdb", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", database]);
    run(bin, "pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", replica, "-R"]);
    run(bin, "pg_ctl", [
      "-D",
      replica,
      "-l",
      path.join(base, "replica.log"),
      "-o",
      options(replicaPort),
      "-w",
      "start",
    ]);
  } catch (err) {
    stop();
    throw err;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/${database}`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/${database}`,
    cutReplicationLink: () => {
      run(bin, "psql", [
        "-h",
        "127.0.0.1",
        "-p",
        String(primaryPort),
        "-U",
        "postgres",
        "-Atc",
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_replication",
      ]);
    },
    stop,
  };
}

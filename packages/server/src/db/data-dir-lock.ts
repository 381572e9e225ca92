import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { StartupError } from "../platform/startup-error.js";

/** Who holds the lock, in terms another process can check (the pid alone is reused after a reboot). */
interface LockOwner {
  pid: number;
  /** Field 22 of /proc/<pid>/stat: the process's start, in clock ticks since boot (Linux). */
  startTime?: string;
  /** /proc/sys/kernel/random/boot_id: changes at every boot (Linux). */
  bootId?: string;
  hostname?: string;
}

export class DataDirLockedError extends StartupError {
  constructor(
    readonly dataDir: string,
    readonly holder: LockOwner,
  ) {
    super(
      `The data directory ${dataDir} is in use by another OpenCLM process (${describe(holder)}). ` +
        "The embedded database allows one process only: stop the other one, or use DATABASE_URL for several.",
    );
  }
}

function describe(owner: LockOwner | undefined): string {
  if (!owner) return "an unreadable lock";
  return `pid ${owner.pid}${owner.hostname ? ` on ${owner.hostname}` : ""}`;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

function processStartTime(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  // The command name (field 2) is in parentheses and may itself hold spaces or parentheses; field 3 follows it.
  return stat?.slice(stat.lastIndexOf(")") + 2).split(" ")[22 - 3];
}

function bootId(): string | undefined {
  return readText("/proc/sys/kernel/random/boot_id");
}

function currentOwner(): LockOwner {
  return { pid: process.pid, startTime: processStartTime(process.pid), bootId: bootId(), hostname: os.hostname() };
}

function parseOwner(text: string): LockOwner | undefined {
  if (/^\d+$/.test(text)) return { pid: Number(text) }; // written by a version before start times were recorded
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    if (!Number.isInteger(o.pid) || (o.pid as number) <= 0) return undefined;
    return { pid: o.pid as number, startTime: str(o.startTime), bootId: str(o.bootId), hostname: str(o.hostname) };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Clock ticks per second in /proc (USER_HZ, 100 on every Linux architecture Node runs on). */
const USER_HZ = 100;

/** Whether the process with this start time began after `writtenAtMs`, so cannot be the one that wrote the lock. */
function startedAfter(startTime: string, writtenAtMs: number): boolean {
  const btime = readText("/proc/stat")?.match(/^btime (\d+)$/m)?.[1];
  if (!btime) return false;
  const startedAtMs = (Number(btime) + Number(startTime) / USER_HZ) * 1000;
  return startedAtMs > writtenAtMs + 2000; // btime has whole seconds; allow for clock steps
}

/** Whether the lock's owner still runs: the same process, not merely one that now has its pid. */
function ownerRunning(owner: LockOwner, writtenAtMs: number): boolean {
  if (owner.pid === process.pid) return false; // that is us, starting: the writer is gone
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return false; // written before the last reboot
  if (!isAlive(owner.pid)) return false;
  const startTime = processStartTime(owner.pid);
  if (!startTime) return true; // no /proc (not Linux): the pid is all there is to go on
  if (owner.startTime) return owner.startTime === startTime;
  return !startedAfter(startTime, writtenAtMs);
}

/**
 * Takes an exclusive lock on DATA_DIR for the embedded database (ADR 0004). PGlite itself does not guard against two
 * processes opening one directory, which would corrupt it. The lock file is created atomically (O_EXCL) and names its
 * owner by pid, process start time, boot id and host; a file whose owner no longer runs (a crash, or a reboot after
 * which another process got the pid) is taken over at once, with a `notice`.
 */
export function lockDataDir(dataDir: string, notice: (message: string) => void = () => {}): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = path.join(dataDir, "openclm.lock");
  const mine = JSON.stringify(currentOwner());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx", 0o600);
      fs.writeSync(fd, mine);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readText(lockPath) === mine) fs.rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const found = readText(lockPath) ?? "";
      const writtenAtMs = fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      const owner = parseOwner(found);
      if (owner && ownerRunning(owner, writtenAtMs)) throw new DataDirLockedError(dataDir, owner);
      // Another process starting now may have replaced the stale file with its own lock meanwhile: leave that one.
      if ((readText(lockPath) ?? "") !== found) continue;
      fs.rmSync(lockPath, { force: true });
      notice(`took over the lock ${lockPath} left by ${describe(owner)}, which no longer runs`);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/**
 * Makes DATA_DIR private to this user: the folder 0700, nothing inside open to group or others (older versions left
 * the database's files 0666), and, through the umask, everything this process creates from now on. Called before the
 * key or the database touch the folder. Production on PostgreSQL may never need the folder: it is not created here.
 */
export function secureDataDir(dataDir: string, notice: (message: string) => void = () => {}): void {
  process.umask(0o077);
  if (!fs.existsSync(dataDir)) return; // made when first needed (lock, generated key, demo accounts), already private
  // A key file open to others is refused by loadMasterKey, not quietly closed here: it may have been read already.
  const opened = makePrivate(dataDir, [path.join(dataDir, "encryption.key")]);
  if (opened > 0)
    notice(`${opened} file(s) or folder(s) in ${dataDir} were open to other users; now only the owner may use them`);
}

/**
 * Takes group and other permissions off `dir` and everything below it; answers how many entries had any. Also used
 * after PGlite opens its folder: it writes its files with explicit modes (0666, 0644) that the umask does not reach.
 */
export function makePrivate(dir: string, leave: string[] = []): number {
  let opened = 0;
  const visit = (p: string) => {
    const stat = fs.lstatSync(p);
    if (stat.isSymbolicLink() || leave.includes(p)) return;
    if ((stat.mode & 0o077) !== 0) {
      fs.chmodSync(p, stat.mode & 0o700);
      opened++;
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return opened;
}

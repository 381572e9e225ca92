import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.js";

// test-database: embedded only (the PostgreSQL pass of scripts/test.sh skips this file)
// Issue 22 item 24: a lock left by a process whose pid now belongs to another process (after a reboot, or simply
// reused) must not block start-up; a lock held by the live owner still must. These checks read Linux's /proc.
const linux = fs.existsSync("/proc/self/stat") ? false : "needs Linux /proc";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-lock-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Another process that is alive for the whole test: the one that started this test file. */
const livePid = process.ppid;
const startTimeOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
};
const bootId = () => fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();

function dirWithLock(name: string, content: string, writtenAt?: Date): string {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, "openclm.lock");
  fs.writeFileSync(lock, content);
  if (writtenAt) fs.utimesSync(lock, writtenAt, writtenAt);
  return dir;
}

function takesOver(dir: string): void {
  const notices: string[] = [];
  const release = lockDataDir(dir, (m) => notices.push(m));
  assert.match(notices.join("\n"), new RegExp(`took over the lock .* left by pid ${livePid}`));
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, "openclm.lock"), "utf8")).pid, process.pid);
  release();
  assert.equal(fs.existsSync(path.join(dir, "openclm.lock")), false);
}

test("a lock naming a live pid with another start time (the pid was reused) is taken over", { skip: linux }, () => {
  const lock = { pid: livePid, startTime: String(Number(startTimeOf(livePid)) + 1), bootId: bootId() };
  takesOver(dirWithLock("reused", JSON.stringify(lock)));
});

test("a lock written before the last reboot is taken over though its pid is alive now", { skip: linux }, () => {
  const lock = { pid: livePid, startTime: startTimeOf(livePid), bootId: "00000000-0000-4000-8000-000000000000" };
  takesOver(dirWithLock("rebooted", JSON.stringify(lock)));
});

test("an old-style lock (pid only) older than the process now holding that pid is taken over", { skip: linux }, () => {
  takesOver(dirWithLock("old-style", String(livePid), new Date("2001-01-01T00:00:00Z")));
});

test("a lock whose owner still runs is respected", { skip: linux }, () => {
  const lock = { pid: livePid, startTime: startTimeOf(livePid), bootId: bootId(), hostname: os.hostname() };
  const dir = dirWithLock("live", JSON.stringify(lock));
  assert.throws(() => lockDataDir(dir), DataDirLockedError);
  assert.throws(() => lockDataDir(dirWithLock("live-old-style", String(livePid))), DataDirLockedError);
  assert.equal(JSON.parse(fs.readFileSync(path.join(dir, "openclm.lock"), "utf8")).pid, livePid, "left in place");
});

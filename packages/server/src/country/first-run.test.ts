import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { totpCode } from "../identity/totp.js";
import { runCommand, spawnServer, stopServer } from "../testing/spawn-server.js";

// test-database: embedded only (the PostgreSQL pass of scripts/test.sh skips this file)
// The first run of a production installation, as an operator does it: the real command, then the real server.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-first-run-"));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const env = {
  DATA_DIR: dataDir,
  NODE_ENV: "production",
  CLM_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
};

/** A client with one cookie jar, as a browser would hold the session. */
function client(port: number) {
  let cookie = "";
  return async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${port}/api${url}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
    if (set.length) cookie = set.join("; ");
    // biome-ignore lint/suspicious/noExplicitAny: test reads loosely typed JSON
    const json: any = await res.json().catch(() => null);
    return { status: res.status, json };
  };
}

test("admin:create on an empty production database, then sign-in, enrolment, password change and the checklist", async () => {
  const created = await runCommand("admin-create", ["--email", "Amina.Admin@moh.example"], env);
  assert.equal(created.code, 0, created.stderr);
  const lastLine = created.stdout.trim().split("\n").at(-1)!;
  const { email, password } = JSON.parse(lastLine) as { email: string; password: string };
  assert.equal(email, "amina.admin@moh.example");
  assert.ok(password.length >= 16);

  const server = await spawnServer(env);
  try {
    // The embedded database allows one process: the command says so and changes nothing.
    const locked = await runCommand("admin-create", ["--email", "second@moh.example"], env);
    assert.equal(locked.code, 1);
    assert.match(locked.stderr, /in use by another OpenCLM process/);
    assert.match(locked.stderr, /Stop the server, run admin:create/);

    const api = client(server.port);
    const login = await api("POST", "/auth/login", { email, password });
    assert.equal(login.status, 200);
    assert.deepEqual(login.json, { mfaRequired: true, enrolmentRequired: true });
    assert.equal((await api("GET", "/setup/checklist")).status, 401, "nothing before the second factor");

    const enrolment = await api("POST", "/auth/mfa/enrolment");
    assert.equal(enrolment.status, 200);
    const verified = await api("POST", "/auth/mfa", { code: totpCode(enrolment.json.secret) });
    assert.equal(verified.status, 200);
    assert.equal(verified.json.me.role, "system_admin");
    assert.equal(verified.json.me.mustChangePassword, true);
    assert.equal(verified.json.recoveryCodes.length, 10);

    const early = await api("GET", "/setup/checklist");
    assert.equal(early.status, 403);
    assert.equal(early.json.error.code, "PASSWORD_CHANGE_REQUIRED");
    const changed = await api("POST", "/auth/password", {
      currentPassword: password,
      newPassword: "lake-Niassa-rains-2026",
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.json));

    const checklist = await api("GET", "/setup/checklist");
    assert.equal(checklist.status, 200);
    const done = Object.fromEntries(checklist.json.steps.map((s: { id: string; done: boolean }) => [s.id, s.done]));
    assert.deepEqual(done, {
      countryProfile: false,
      languages: false,
      geography: false,
      facilities: false,
      taxonomy: true, // the default taxonomy is there from the first start
      staff: false,
      protocols: true, // and so are the default protocols
    });
    assert.equal(checklist.json.complete, false);

    // The first administrator can set the country up although it has no areas yet.
    const profile = await api("PATCH", "/setup/country-profile", {
      names: { en: "Mozambique", pt: "Moçambique" },
      code: "mz",
      timeZone: "Africa/Maputo",
      offeredLanguages: ["pt", "en"],
      defaultLanguage: "pt",
    });
    assert.equal(profile.status, 200, JSON.stringify(profile.json));
    assert.equal(profile.json.callingCode, "+258");
    const after = await api("GET", "/setup/checklist");
    const stepDone = (id: string) => after.json.steps.find((s: { id: string }) => s.id === id).done;
    assert.equal(stepDone("countryProfile"), true);
    assert.equal(stepDone("languages"), true);
    const config = await api("GET", "/config");
    assert.deepEqual(
      config.json.languages.map((l: { code: string; isDefault: boolean }) => [l.code, l.isDefault]),
      [
        ["en", false],
        ["pt", true],
      ],
    );
    assert.equal(config.json.country.name, "Moçambique");

    // The audit log names the command that made the account, as the system actor.
    const audit = await api("GET", "/audit-events?action=staff_user.create");
    const made = audit.json.items.find((e: { action: string }) => e.action === "staff_user.create");
    assert.equal(made?.actorId, "admin:create");
  } finally {
    assert.equal(await stopServer(server), 0);
  }

  const again = await runCommand("admin-create", ["--email", "amina.admin@moh.example"], env);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /exists already; nothing was changed/);
  assert.doesNotMatch(again.stdout, /password/);
});

// test-database: embedded only (runs the real server and `npm run dhis2:push` on a DATA_DIR of their own)
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { startFakeDhis2 } from "../testing/fake-dhis2.js";
import { runCommand, spawnServer, stopServer } from "../testing/spawn-server.js";
import { signInOverHttp } from "../testing/staff-session.js";
import { demoDataDir } from "../testing/test-templates.js";
import { lastClosedPeriod } from "./dhis2-period.js";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "openclm-dhis2-cli-"));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const TOKEN = "d2pat_cliTokenBBBBBBBBBBBBBBBBBBBBBBBB0123456789";

test("npm run dhis2:push dry-runs then pushes a closed month as Set-up mapped it, and refuses it a second time", async () => {
  const env = demoDataDir(path.join(scratch, "data"));
  const fake = await startFakeDhis2({ token: TOKEN, dataElements: ["DEclmTotal1"], orgUnits: [] });
  try {
    const server = await spawnServer(env);
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const accounts = JSON.parse(fs.readFileSync(path.join(env.DATA_DIR, "demo-accounts.json"), "utf8"));
      const cookie = await signInOverHttp(
        base,
        accounts.find((a: { role: string }) => a.role === "system_admin"),
      );
      const config = (await (await fetch(`${base}/api/config`)).json()) as { areas: { id: string; isLeaf: boolean }[] };
      const districts = config.areas.filter((a) => a.isLeaf);
      const orgUnits = districts.map((d, i) => ({ areaId: d.id, orgUnit: `OUdistr${String(i).padStart(4, "0")}` }));
      fake.orgUnitsKnown(orgUnits.map((o) => o.orgUnit));
      const res = await fetch(`${base}/api/dhis2/mapping`, {
        method: "PUT",
        headers: { "content-type": "application/json", origin: base, cookie },
        body: JSON.stringify({
          periodType: "monthly",
          dataElements: [{ metric: "reports_total", dataElement: "DEclmTotal1" }],
          orgUnits,
          baseUrl: fake.url,
          token: TOKEN,
        }),
      });
      assert.equal(res.status, 200, await res.text());
    } finally {
      assert.equal(await stopServer(server), 0);
    }

    const period = lastClosedPeriod("monthly");
    const dry = await runCommand("dhis2-push", ["--period", period, "--dry-run"], env);
    assert.equal(dry.code, 0, dry.stdout + dry.stderr);
    assert.match(dry.stdout, new RegExp(`dry run of ${period} \\(DHIS2 ${period.replace("-", "")}\\): SUCCESS`));
    assert.equal(fake.stored.size, 0, "a dry run stores nothing");

    const real = await runCommand("dhis2-push", ["--period", period], env);
    assert.equal(real.code, 0, real.stdout + real.stderr);
    const sent = Number(/(\d+) value\(s\) sent/.exec(real.stdout)?.[1]);
    assert.ok(sent > 0);
    assert.equal(fake.stored.size, sent, "DHIS2 holds what was sent");

    const twice = await runCommand("dhis2-push", ["--period", period], env);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /already sent to DHIS2/);
    const usage = await runCommand("dhis2-push", [], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /usage: npm run dhis2:push/);
  } finally {
    await fake.close();
  }
});

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Dhis2Payload, Dhis2PushResult, IndicatorResult } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { systemCtx } from "../platform/context.js";
import { startFakeDhis2 } from "../testing/fake-dhis2.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { lastClosedPeriod, parsePeriod } from "./dhis2-period.js";
import { pushClosedPeriod } from "./dhis2-push.job.js";

const TOKEN = "d2pat_testtokenAAAAAAAAAAAAAAAAAAAAAA1234567890";
const METRICS = [
  { metric: "reports_total", dataElement: "DEclmTotal1" },
  { metric: "reports_validated", dataElement: "DEclmValid1" },
  { metric: "reports_resolved", dataElement: "DEclmResol1" },
] as const;

/** Issue 19: an administrator maps indicators and districts, dry-runs a closed month, reads the summary, pushes. */
describe("DHIS2: mapping, dry run, push", () => {
  let t: TestApp;
  let admin: string;
  let fake: Awaited<ReturnType<typeof startFakeDhis2>>;
  let districts: { id: string; code: string }[];
  const orgUnitOf = (code: string) =>
    `OU${code
      .replace(/[^A-Za-z0-9]/g, "")
      .slice(0, 9)
      .padEnd(9, "x")}`;
  const period = lastClosedPeriod("monthly");
  const api = () => staffCalls(t);
  const put = (cookie: string, payload: unknown) =>
    t.app.inject({ method: "PUT", url: "/api/dhis2/mapping", headers: { cookie }, payload: payload as object });
  const push = async (body: object, status = 200): Promise<Dhis2PushResult> => {
    const res = await api().post(admin, "/api/dhis2/pushes", body);
    assert.equal(res.statusCode, status, res.body);
    return res.json();
  };
  const mapping = (over: object = {}) => ({
    periodType: "monthly",
    dataElements: METRICS,
    orgUnits: districts.map((d) => ({ areaId: d.id, orgUnit: orgUnitOf(d.code) })),
    baseUrl: fake.url,
    token: TOKEN,
    ...over,
  });

  before(async () => {
    t = await createTestApp();
    admin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
    districts = await t.database.rows<{ id: string; code: string }>(
      sql`SELECT id, code FROM areas a WHERE NOT EXISTS (SELECT 1 FROM areas c WHERE c.parent_id = a.id)
          ORDER BY (SELECT count(*) FROM reports r WHERE r.district_id = a.id), code COLLATE "C"`,
    );
    // DHIS2 knows every district but the last, the one with the most reports (so its figures are published, not
    // hidden as small): its values come back as conflicts.
    fake = await startFakeDhis2({
      token: TOKEN,
      dataElements: METRICS.map((m) => m.dataElement),
      orgUnits: districts.slice(0, -1).map((d) => orgUnitOf(d.code)),
    });
  });
  after(async () => {
    await fake.close();
    await t.close();
  });

  test("the mapping is the system administrator's, validated, audited, and never gives the token back", async () => {
    const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    assert.equal((await put(dm, mapping())).statusCode, 403);
    const bad = await put(admin, mapping({ orgUnits: [{ areaId: crypto.randomUUID(), orgUnit: "OUabcdefghi" }] }));
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, "UNKNOWN_AREA");
    const twice = await put(admin, mapping({ dataElements: [METRICS[0], METRICS[0]] }));
    assert.equal(twice.statusCode, 400);
    assert.equal(
      (await api().get(admin, "/api/dhis2/mapping")).json().hasToken,
      false,
      "refused changes changed nothing",
    );

    const res = await put(admin, mapping());
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().hasToken, true);
    assert.equal(res.json().orgUnits.length, districts.length);
    assert.ok(!res.body.includes(TOKEN), "the token is never answered");
    const [stored] = await t.database.rows<{ token_enc: string }>(sql`SELECT token_enc FROM dhis2_config`);
    assert.ok(stored && !stored.token_enc.includes(TOKEN), "the token is stored encrypted");
    const [audited] = await t.database.rows<{ details: string }>(
      sql`SELECT details::text FROM audit_events WHERE action = 'dhis2.mapping_update' ORDER BY seq DESC LIMIT 1`,
    );
    assert.ok(audited && !audited.details.includes(TOKEN) && audited.details.includes('"token": "replaced"'));
    // Keeping the token: a later change without it keeps the stored one.
    const { token: _, ...withoutToken } = mapping();
    assert.equal((await put(admin, withoutToken)).json().hasToken, true);
  });

  test("the instance's lists are read with the token, to pick data elements and match areas by code", async () => {
    const res = await api().get(admin, "/api/dhis2/metadata");
    assert.equal(res.statusCode, 200, res.body);
    const lists = res.json() as { dataElements: { id: string }[]; orgUnits: { id: string; code: string | null }[] };
    assert.deepEqual(lists.dataElements.map((d) => d.id).sort(), METRICS.map((m) => m.dataElement).sort());
    const known = districts.slice(0, -1).map((d) => orgUnitOf(d.code));
    assert.deepEqual(lists.orgUnits.map((o) => o.code).sort(), [...known].sort());
    assert.ok(
      lists.orgUnits.every((o) => /^[A-Za-z][A-Za-z0-9]{10}$/.test(o.id)),
      "DHIS2 UIDs",
    );
    const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    assert.equal((await api().get(dm, "/api/dhis2/metadata")).statusCode, 403);
  });

  test("the payload is what the public view publishes for each district, and the same every time", async () => {
    const res = await api().get(admin, `/api/dhis2/payload?period=${period}`);
    assert.equal(res.statusCode, 200, res.body);
    const payload: Dhis2Payload = res.json();
    const again: Dhis2Payload = (await api().get(admin, `/api/dhis2/payload?period=${period}`)).json();
    assert.equal(again.payloadHash, payload.payloadHash);
    assert.deepEqual(again.dataValues, payload.dataValues);

    const { from, to, dhis2Period } = parsePeriod(period);
    let expectedSuppressed = 0;
    for (const m of METRICS) {
      const pub: IndicatorResult = (
        await t.app.inject({
          method: "POST",
          url: "/api/public/indicators",
          payload: { metrics: [m.metric], dimensions: ["district"], from, to },
        })
      ).json();
      for (const d of districts) {
        const row = pub.rows.find((r) => r.dimensions.district === d.id);
        const sent = payload.dataValues.find((v) => v.dataElement === m.dataElement && v.orgUnit === orgUnitOf(d.code));
        // A row is marked suppressed when any of its counts is small; only the hidden metric itself is left out.
        if (row && row.metrics[m.metric] === null) {
          expectedSuppressed++;
          assert.equal(sent, undefined, "a suppressed cell is not sent");
        } else {
          assert.equal(sent?.value, String(row?.metrics[m.metric] ?? 0), `${m.metric} in ${d.code}`);
          assert.equal(sent?.period, dhis2Period);
        }
      }
    }
    assert.equal(payload.suppressed, expectedSuppressed);
    assert.ok(
      payload.dataValues.some((v) => Number(v.value) > 0),
      "the month has reports",
    );
  });

  test("a dry run stores nothing in DHIS2 and explains its conflicts in plain words", async () => {
    const dry = await push({ period, dryRun: true });
    assert.equal(dry.dryRun, true);
    assert.equal(dry.status, "WARNING");
    assert.equal(dry.httpStatus, 409);
    assert.equal(fake.stored.size, 0, "DHIS2 kept nothing");
    const unknownDistrict = orgUnitOf(districts.at(-1)?.code ?? "");
    const payload: Dhis2Payload = (await api().get(admin, `/api/dhis2/payload?period=${period}`)).json();
    const rejected = payload.dataValues.filter((v) => v.orgUnit === unknownDistrict).length;
    assert.equal(dry.importCount.ignored, rejected);
    assert.equal(dry.importCount.imported, payload.dataValues.length - rejected);
    assert.equal(dry.conflicts.length, rejected);
    assert.match(dry.conflicts[0]?.explanation ?? "", /does not know this organisation unit/);
  });

  test("a push puts exactly the payload's values in DHIS2, once; again only when asked", async () => {
    const payload: Dhis2Payload = (await api().get(admin, `/api/dhis2/payload?period=${period}`)).json();
    const result = await push({ period, dryRun: false });
    assert.equal(result.status, "WARNING");
    const unknownDistrict = orgUnitOf(districts.at(-1)?.code ?? "");
    const expected = payload.dataValues.filter((v) => v.orgUnit !== unknownDistrict);
    assert.deepEqual(
      [...fake.stored.values()].sort((a, b) =>
        `${a.dataElement}${a.orgUnit}`.localeCompare(`${b.dataElement}${b.orgUnit}`),
      ),
      [...expected].sort((a, b) => `${a.dataElement}${a.orgUnit}`.localeCompare(`${b.dataElement}${b.orgUnit}`)),
    );
    assert.equal(fake.requests.at(-1)?.importStrategy, "CREATE_AND_UPDATE");

    const refused = await api().post(admin, "/api/dhis2/pushes", { period, dryRun: false });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, "ALREADY_PUSHED");
    const corrected = await push({ period, dryRun: false, again: true });
    assert.equal(corrected.importCount.updated, expected.length, "a second push updates, it never duplicates");
    assert.equal(fake.stored.size, expected.length);

    const history = (await api().get(admin, "/api/dhis2/pushes")).json().items as Dhis2PushResult[];
    assert.deepEqual(
      history.slice(0, 3).map((h) => [h.dryRun, h.status, h.by]),
      [
        [false, "WARNING", account(t.demoAccounts, "system_admin").email],
        [false, "WARNING", account(t.demoAccounts, "system_admin").email],
        [true, "WARNING", account(t.demoAccounts, "system_admin").email],
      ],
    );
    const audits = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE action IN ('dhis2.push', 'dhis2.dry_run') ORDER BY seq`,
    );
    assert.deepEqual(
      audits.map((a) => a.action),
      ["dhis2.dry_run", "dhis2.push", "dhis2.push"],
    );
  });

  test("a period still running, a wrong token and an instance that does not answer each say so", async () => {
    const now = new Date();
    const running = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    const open = await api().post(admin, "/api/dhis2/pushes", { period: running, dryRun: true });
    assert.equal(open.statusCode, 409);
    assert.equal(open.json().error.code, "PERIOD_NOT_CLOSED");
    assert.equal((await api().post(admin, "/api/dhis2/pushes", { period: "2026-13", dryRun: true })).statusCode, 400);

    await put(admin, mapping({ token: "d2pat_wrongwrongwrong" }));
    const denied = await push({ period, dryRun: true });
    assert.equal(denied.status, "ERROR");
    assert.equal(denied.httpStatus, 401);
    assert.match(denied.message, /refused the token/);

    await put(admin, mapping({ baseUrl: "http://127.0.0.1:9" }));
    const down = await push({ period, dryRun: true });
    assert.equal(down.status, "UNREACHABLE");
    assert.equal(down.httpStatus, null);
    await put(admin, mapping());
  });

  test("the nightly job pushes the last closed month once, when switched on", async () => {
    const ctx = systemCtx(t.app.services, "test", "job:dhis2.push");
    const { from } = parsePeriod(period);
    // The night of the 15th of that month: the month before it is the last closed one.
    const night = new Date(`${from.slice(0, 8)}15T02:30:00Z`);
    const previous = lastClosedPeriod("monthly", night);
    await put(admin, mapping({ autoPush: false }));
    assert.equal(await pushClosedPeriod(ctx, night), "skipped", "off unless switched on");
    await put(admin, mapping({ autoPush: true }));
    assert.deepEqual([await pushClosedPeriod(ctx, night), await pushClosedPeriod(ctx, night)], ["pushed", "skipped"]);
    const rows = await t.database.rows<{ by: string; dry_run: boolean }>(
      sql`SELECT by, dry_run FROM dhis2_pushes WHERE period = ${previous}`,
    );
    assert.deepEqual(rows, [{ by: "job:dhis2.push", dry_run: false }]);
  });
});

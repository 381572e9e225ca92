import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { invalidateReportLookups } from "../reports/reports.lookups.js";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/**
 * The "Possible duplicate" badge must not tell a viewer that a report exists outside their scope (review finding):
 * the rule matched the other report by facility (else district) alone, and a facility moved to another district
 * keeps its id, so a report made there after the move lit the badge on an old one in the viewer's area.
 */
describe("possible duplicates within the viewer's scope only", () => {
  let t: TestApp;
  let dm: string;
  let responder: string;
  let area: string;
  let elsewhere: string;
  let facility: string;

  before(async () => {
    t = await createTestApp();
    const [row] = await t.database.rows<{ facility: string; district: string; other: string }>(sql`
      SELECT f.id AS facility, f.district_id AS district,
             (SELECT a.id FROM areas a WHERE a.is_leaf AND a.retired_at IS NULL AND a.id <> f.district_id
               ORDER BY a.code LIMIT 1) AS other
        FROM facilities f WHERE f.active ORDER BY f.code LIMIT 1`);
    assert.ok(row?.other, "the demo country has a facility and a second district");
    ({ facility, district: area, other: elsewhere } = row);
    const scoped = account(t.demoAccounts, "first_responder");
    await t.database.db.execute(
      sql`UPDATE staff_users SET scope_area_ids = ARRAY[${area}]::uuid[], scope_facility_ids = '{}'
           WHERE email = ${scoped.email}`,
    );
    responder = await signInAs(t.app, scoped);
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
  });
  after(async () => t.close());

  const phone = () => `+999 55 ${String(crypto.randomInt(100, 999))} ${String(crypto.randomInt(1000, 9999))}`;

  async function listed(cookie: string, code: string, filters = "") {
    const res = await staffCalls(t).get(cookie, `/api/inbox/reports?q=${code}${filters}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items[0] as { id: string; possibleDuplicate: boolean } | undefined;
  }

  test("a report outside the responder's area lights no badge in it; an in-area pair still does", async () => {
    const samePerson = { contact: { phone: phone() } };
    const before = await submitReport(t, area, { facilityId: facility, ...samePerson });
    // The facility is moved to another district (geography editing); the same person reports there again.
    await t.database.db.execute(sql`UPDATE facilities SET district_id = ${elsewhere} WHERE id = ${facility}`);
    invalidateReportLookups();
    const outside = await submitReport(t, elsewhere, { facilityId: facility, ...samePerson });

    assert.equal((await listed(dm, before.code))?.possibleDuplicate, true, "a country-wide viewer sees both");
    assert.equal((await listed(responder, outside.code)) ?? null, null, "the second report is outside the area");
    assert.equal((await listed(responder, before.code))?.possibleDuplicate, false, "no badge from outside the area");
    assert.equal(
      (await listed(responder, before.code, "&duplicate=true")) ?? null,
      null,
      "nor does the duplicate filter find it",
    );

    const pair = { contact: { phone: phone() } };
    const first = await submitReport(t, area, pair);
    const second = await submitReport(t, area, pair);
    assert.equal((await listed(responder, first.code))?.possibleDuplicate, true, "an in-area pair is flagged");
    assert.equal((await listed(responder, second.code, "&duplicate=true"))?.id, second.id);
    const candidates = await staffCalls(t).get(responder, `/api/inbox/reports/${first.id}/duplicates`);
    assert.equal(candidates.statusCode, 200, candidates.body);
    assert.ok(JSON.stringify(candidates.json()).includes(second.id), "and offered for merging");
  });
});

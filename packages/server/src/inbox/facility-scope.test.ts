import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { covers } from "./inbox.stream.js";

describe("staff scoped to a facility", () => {
  let t: TestApp;
  let cookie: string;
  let district: string;
  let mine: string;
  let other: string;

  before(async () => {
    t = await createTestApp();
    const [pair] = await t.database.rows<{ district_id: string; a: string; b: string }>(sql`
      SELECT district_id, (array_agg(id ORDER BY id))[1] AS a, (array_agg(id ORDER BY id))[2] AS b
        FROM facilities WHERE active GROUP BY district_id HAVING count(*) >= 2 LIMIT 1`);
    assert.ok(pair, "the demo country has a district with two facilities");
    ({ district_id: district, a: mine, b: other } = pair);
    const responder = account(t.demoAccounts, "first_responder");
    await t.database.db.execute(
      sql`UPDATE staff_users SET scope_area_ids = '{}', scope_facility_ids = ARRAY[${mine}]::uuid[]
           WHERE email = ${responder.email}`,
    );
    cookie = await signInAs(t.app, responder);
  });
  after(async () => t.close());

  test("sees the reports made at its facility, not the rest of the district", async () => {
    const atMine = await submitReport(t, district, { facilityId: mine });
    const atOther = await submitReport(t, district, { facilityId: other });
    const noFacility = await submitReport(t, district);
    const { get } = staffCalls(t);

    const list = await get(cookie, "/api/inbox/reports?limit=100");
    assert.equal(list.statusCode, 200, list.body);
    const ids = new Set(list.json().items.map((i: { id: string }) => i.id));
    assert.ok(ids.has(atMine.id), "its own facility's report is in the queue");
    assert.ok(!ids.has(atOther.id), "another facility's report is not");
    assert.ok(!ids.has(noFacility.id), "a report placed only in the district is not");
    const counted = Object.values(list.json().counts as Record<string, number>).reduce((s, n) => s + n, 0);
    assert.equal(counted, list.json().items.length, "the counts cover the same reports as the queue");

    assert.equal((await get(cookie, `/api/inbox/reports/${atMine.id}`)).statusCode, 200);
    assert.equal((await get(cookie, `/api/inbox/reports/${atOther.id}`)).statusCode, 404);
    assert.equal((await get(cookie, `/api/inbox/reports/${noFacility.id}`)).statusCode, 404);
  });

  test("live notices reach it only for its facility; area-scoped staff hear of their whole districts", () => {
    const facilityScoped = { districtIds: new Set<string>(), facilityIds: new Set([mine]) };
    const areaScoped = { districtIds: new Set([district]), facilityIds: new Set<string>() };
    const change = (facilityId: string | null) => ({
      id: "r",
      status: "submitted",
      districtId: district,
      facilityId,
      type: "x",
    });
    assert.equal(covers(facilityScoped, change(mine)), true);
    assert.equal(covers(facilityScoped, change(other)), false);
    assert.equal(covers(facilityScoped, change(null)), false);
    assert.equal(covers(areaScoped, change(other)), true);
    assert.equal(covers(areaScoped, change(null)), true);
  });
});

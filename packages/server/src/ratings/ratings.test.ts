import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { FacilityQuality, FacilityRatings, RatingReviewItem } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { getFactsheetData } from "../factsheet/factsheet.service.js";
import { type Ctx, systemCtx } from "../platform/context.js";
import { createFacility } from "../testing/facility-factory.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

/** Every rating from its own address unless a test says otherwise: the burst hold counts per address. */
let nextAddress = 1;
const freshAddress = () => `198.51.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;

/**
 * Community ratings of facilities (issue 17 items 4 to 6): one rating per device per facility per 30 days, averages
 * only from the minimum number of ratings on, comments read by a data manager before anyone else, bursts from one
 * address held, and the dashboard's facility quality indicators.
 */
describe("facility ratings", () => {
  let t: TestApp;
  let dm: string;
  let analyst: string;
  let sysadmin: string;
  let district: string;
  let otherRegionDistrict: string;
  const api = () => staffCalls(t);

  const rate = (facilityId: string, body: Record<string, unknown> = {}, address = freshAddress()) =>
    t.app.inject({
      method: "POST",
      url: `/api/facilities/${facilityId}/ratings`,
      remoteAddress: address,
      payload: { clientId: crypto.randomUUID(), deviceId: crypto.randomUUID(), overall: 4, ...body },
    });
  const ratings = async (facilityId: string): Promise<FacilityRatings> => {
    const res = await t.app.inject({ method: "GET", url: `/api/facilities/${facilityId}/ratings` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const review = async (cookie = dm): Promise<RatingReviewItem[]> => {
    const res = await api().get(cookie, "/api/ratings/review");
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };
  const quality = async (body: Record<string, unknown>): Promise<FacilityQuality> => {
    const res = await api().post(analyst, "/api/dashboard/facility-quality", body);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    t = await createTestApp();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    sysadmin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
    // The data manager's scope is the first responder's region; the second responder works in another region.
    district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    otherRegionDistrict = account(t.demoAccounts, "first_responder", 1).scope.districtIds[0]!;
  });
  after(async () => t.close());

  test("a rating is accepted once; the same clientId again is not a second rating; another within 30 days is 409", async () => {
    const f = await createFacility(t, district);
    const deviceId = crypto.randomUUID();
    const clientId = crypto.randomUUID();
    const first = await rate(f.id, { clientId, deviceId, overall: 2, aspects: { respect: 1, waiting: 2 } });
    assert.equal(first.statusCode, 201, first.body);
    const retry = await rate(f.id, { clientId, deviceId, overall: 2, aspects: { respect: 1, waiting: 2 } });
    assert.equal(retry.statusCode, 200, retry.body);
    assert.equal(retry.json().id, first.json().id, "the retry answers the same rating");
    const again = await rate(f.id, { deviceId, overall: 5 });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, "ALREADY_RATED");
    assert.equal((await ratings(f.id)).count, 1, "one rating counted");

    // Another facility may be rated from the same device; the same facility again after 30 days too.
    assert.equal((await rate((await createFacility(t, district)).id, { deviceId })).statusCode, 201);
    await t.database.rows(
      sql`UPDATE facility_ratings SET created_at = now() - interval '31 days' WHERE client_id = ${clientId}`,
    );
    assert.equal((await rate(f.id, { deviceId, overall: 3 })).statusCode, 201);
  });

  test("the device id is stored only as a keyed hash", async () => {
    const f = await createFacility(t, district);
    const deviceId = `device-${crypto.randomUUID()}`;
    assert.equal((await rate(f.id, { deviceId })).statusCode, 201);
    const rows = await t.database.rows<Record<string, unknown>>(
      sql`SELECT * FROM facility_ratings WHERE facility_id = ${f.id}`,
    );
    assert.equal(rows.length, 1);
    assert.doesNotMatch(JSON.stringify(rows), new RegExp(deviceId));
  });

  test("bad input changes nothing: a score of 6, an unknown aspect, a long comment, an unknown facility", async () => {
    const f = await createFacility(t, district);
    for (const body of [{ overall: 6 }, { aspects: { kindness: 3 } }, { comment: "x".repeat(501) }]) {
      const res = await rate(f.id, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    assert.equal((await rate(crypto.randomUUID())).statusCode, 404);
    assert.equal((await ratings(f.id)).count, 0);
  });

  test("averages are hidden below the minimum number of ratings, shown from it, and the minimum is a setting", async () => {
    const f = await createFacility(t, district);
    for (const overall of [1, 2, 2, 3]) {
      assert.equal((await rate(f.id, { overall, aspects: { cost: 5 } })).statusCode, 201);
    }
    const below = await ratings(f.id);
    assert.equal(below.count, 4);
    assert.equal(below.minimum, 5);
    assert.equal(below.average, null);
    assert.equal(below.aspects.cost, null);
    assert.equal((await rate(f.id, { overall: 2 })).statusCode, 201);
    const at = await ratings(f.id);
    assert.equal(at.average, 2);
    assert.equal(at.aspects.cost, null, "only four ratings scored cost");
    assert.equal(at.aspects.respect, null);

    const raise = await api().patch(sysadmin, "/api/settings", { ratings: { minimumCount: 6 } });
    assert.equal(raise.statusCode, 200, raise.body);
    assert.equal((await ratings(f.id)).average, null, "a higher minimum hides it again");
    const [audited] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'settings.update' AND entity_id = 'ratings.minimumCount'`,
    );
    assert.equal(audited?.n, 1);
    assert.equal((await api().patch(sysadmin, "/api/settings", { ratings: { minimumCount: 2 } })).statusCode, 400);
    assert.equal((await api().patch(sysadmin, "/api/settings", { ratings: { minimumCount: 5 } })).statusCode, 200);
  });

  test("a comment is seen by nobody until a data manager approves it; one with a phone number is flagged and can be hidden", async () => {
    const f = await createFacility(t, district);
    const kind = "The nurses explained everything and the wait was short.";
    const phone = "Ask the cashier who charged me, call me on 0977 123 456";
    const a = await rate(f.id, { comment: kind });
    const b = await rate(f.id, { comment: phone, overall: 1 });
    assert.equal(a.json().comment, "pending");
    assert.deepEqual((await ratings(f.id)).comments, [], "nothing published before review");

    const items = (await review()).filter((i) => i.facilityId === f.id);
    assert.equal(items.length, 2);
    assert.equal(items[0]?.comment, phone, "flagged comments come first");
    assert.deepEqual(items[0]?.flags, ["phone"]);
    assert.deepEqual(items[1]?.flags, []);

    // Out of the data manager's scope: another region's facility is not listed, and cannot be moderated.
    const far = await createFacility(t, otherRegionDistrict);
    const farRating = await rate(far.id, { comment: "Fine." });
    assert.ok(!(await review()).some((i) => i.facilityId === far.id));
    const farRow = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM facility_ratings WHERE id = ${farRating.json().id}`,
    );
    const refused = await api().post(dm, `/api/ratings/${farRow[0]!.id}/moderation`, { comment: "approve" });
    assert.equal(refused.statusCode, 404);

    const hide = await api().post(dm, `/api/ratings/${b.json().id}/moderation`, { comment: "hide" });
    assert.equal(hide.statusCode, 200, hide.body);
    const approve = await api().post(dm, `/api/ratings/${a.json().id}/moderation`, { comment: "approve" });
    assert.equal(approve.statusCode, 200, approve.body);
    const twice = await api().post(dm, `/api/ratings/${a.json().id}/moderation`, { comment: "hide" });
    assert.equal(twice.statusCode, 409);

    const published = await ratings(f.id);
    assert.deepEqual(
      published.comments.map((c) => c.body),
      [kind],
    );
    assert.match(published.comments[0]!.at, /^\d{4}-\d{2}$/, "the month only");
    assert.doesNotMatch(JSON.stringify(published), /0977/);
    const stored = await t.database.rows<{ comment_enc: string | null }>(
      sql`SELECT comment_enc FROM facility_ratings WHERE id = ${b.json().id}`,
    );
    assert.equal(stored[0]?.comment_enc, null, "a hidden comment is erased");
    const audited = await t.database.rows<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity_id = ${b.json().id} ORDER BY seq`,
    );
    assert.deepEqual(
      audited.map((r) => r.action),
      ["facility_rating.create", "facility_rating.moderate"],
    );
  });

  test("a burst from one address is held: not counted until a data manager releases it", async () => {
    const f = await createFacility(t, district);
    const address = "203.0.113.77";
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push((await rate(f.id, { overall: 1 }, address)).statusCode);
    assert.deepEqual(answers, Array(8).fill(201), "the person is not told");
    const counted = (await ratings(f.id)).count;
    assert.equal(counted, 5, "the first five of the burst count (setting security.limits ratingHoldPerAddress)");
    const held = (await review()).filter((i) => i.facilityId === f.id && i.held);
    assert.equal(held.length, 8 - counted);
    const res = await api().post(dm, `/api/ratings/${held[0]!.id}/moderation`, { rating: "release" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await ratings(f.id)).count, counted + 1);
    await api().post(dm, `/api/ratings/${held[1]!.id}/moderation`, { rating: "discard" });
    assert.equal((await ratings(f.id)).count, counted + 1);
    assert.ok(!(await review()).some((i) => i.id === held[0]!.id || i.id === held[1]!.id), "decided: off the list");
  });

  test("the dashboard counts ratings per facility, district and region, by month, suppressing small averages", async () => {
    const f = await createFacility(t, district);
    const g = await createFacility(t, district);
    for (const overall of [1, 2, 1, 2, 1]) await rate(f.id, { overall, aspects: { medicines: 1 } });
    await rate(g.id, { overall: 5 });
    const byFacility = await quality({ by: "facility" });
    const rowF = byFacility.rows.find((r) => r.id === f.id);
    const rowG = byFacility.rows.find((r) => r.id === g.id);
    assert.deepEqual(
      { count: rowF?.count, overall: rowF?.overall, medicines: rowF?.medicines, label: rowF?.label },
      { count: 5, overall: 1.4, medicines: 1, label: f.name },
    );
    assert.deepEqual({ count: rowG?.count, overall: rowG?.overall }, { count: 1, overall: null });
    const month = new Date().toISOString().slice(0, 7);
    assert.ok((byFacility.trend.find((m) => m.month === month)?.count ?? 0) >= 6);
    assert.equal(byFacility.trend.length, 12);
    const byDistrict = await quality({ by: "district", areaId: district });
    assert.deepEqual(
      byDistrict.rows.map((r) => r.id),
      [district],
    );
    assert.ok((byDistrict.rows[0]?.count ?? 0) >= 6);
    const byRegion = await quality({ by: "region" });
    assert.ok(byRegion.rows.length >= 1);
    const community = await t.app.inject({ method: "POST", url: "/api/dashboard/facility-quality", payload: {} });
    assert.equal(community.statusCode, 401);
  });

  test("the factsheet lists the lowest-rated facilities, only those with at least the minimum number of ratings", async () => {
    const poor = await createFacility(t, district);
    const fewButWorse = await createFacility(t, district);
    for (let i = 0; i < 5; i++) await rate(poor.id, { overall: 1 });
    for (let i = 0; i < 3; i++) await rate(fewButWorse.id, { overall: 1 });
    const [row] = await t.database.rows<{ id: string; scope_area_ids: string[] }>(
      sql`SELECT id, scope_area_ids FROM staff_users WHERE role = 'analyst'`,
    );
    const ctx: Ctx = {
      ...systemCtx(t.app.services),
      actor: {
        type: "staff",
        userId: row!.id,
        role: "analyst",
        email: "analyst@demo.openclm.org",
        scopeAreaIds: row!.scope_area_ids,
        scopeFacilityIds: [],
        sessionHash: "test",
        stage: "full",
      },
    };
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
    const model = await getFactsheetData(ctx, { from: `${last.slice(0, 7)}-01`, to: last, lang: "en" });
    const names = model.lowestRated.items.map((i) => i.name);
    assert.ok(names.includes(poor.name), names.join(", "));
    assert.ok(!names.includes(fewButWorse.name), "three ratings are below the minimum: never named");
    assert.ok(model.lowestRated.items.every((i) => i.count >= 5));
  });
});

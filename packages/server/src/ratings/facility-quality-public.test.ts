import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { PublicFacilityQuality } from "@openclm/contracts";
import { eq, inArray, sql } from "drizzle-orm";
import { mulberry32 } from "../demo/grid-geometry.js";
import { systemCtx } from "../platform/context.js";
import { putSetting } from "../platform/platform.repo.js";
import { LIMITS_SETTING } from "../platform/rate-limit-settings.js";
import { createFacility } from "../testing/facility-factory.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { facilityRatings } from "./ratings.schema.js";
import { eraseOldRatingComments } from "./ratings-retention.js";

/**
 * The public view of facility quality (issue 17 item 5) and the retention of rating comments. The public view's
 * ratings are made in 2021, a year the demo has none, so every expectation is worked out from this file's own rows.
 */
describe("facility quality for everyone, and rating comments' retention", () => {
  let t: TestApp;
  let sysadmin: string;
  let district: string;
  let large: { id: string; name: string };
  let small: { id: string; name: string };
  /** Overall scores of the facility with many ratings and of the one below the minimum (5). */
  const largeScores = [5, 4, 4, 3, 5, 2, 4, 4, 5, 3, 4, 4];
  const smallScores = [1, 2];

  const insertRatings = async (facilityId: string, scores: number[], month: string) => {
    const rows = scores.map((overall, i) => ({
      clientId: crypto.randomUUID(),
      facilityId,
      districtId: district,
      deviceHash: crypto.randomUUID(),
      overall,
      respect: overall,
      status: "counted" as const,
      commentStatus: "none" as const,
      createdAt: new Date(`${month}-${String(3 + i).padStart(2, "0")}T10:00:00Z`),
    }));
    await t.database.db.insert(facilityRatings).values(rows);
  };

  const ask = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: "POST", url: "/api/public/facility-quality", payload: body });
    return { status: res.statusCode, json: res.json() as PublicFacilityQuality & { error?: { code: string } } };
  };
  const quarter = (by = "facility") => ask({ from: "2021-01", to: "2021-03", by, areaId: district });

  before(async () => {
    t = await createTestApp();
    sysadmin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
    district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
    large = await createFacility(t, district);
    small = await createFacility(t, district);
    await insertRatings(large.id, largeScores, "2021-03");
    await insertRatings(small.id, smallScores, "2021-03");
    // The differencing below asks many questions; the per-address limit is not what is measured.
    const unlimited = { burst: 1_000_000, perHour: 1_000_000 };
    await putSetting(t.database.db, LIMITS_SETTING, { routes: { publicIndicatorsPerAddress: unlimited } });
  });
  after(async () => t.close());

  test("a group below the minimum shows nothing; a large one shows a perturbed count and an average near the truth", async () => {
    const { status, json } = await quarter();
    assert.equal(status, 200, JSON.stringify(json));
    const byId = new Map(json.rows.map((r) => [r.id, r]));
    const hidden = byId.get(small.id);
    assert.ok(hidden, "the facility is listed by name");
    assert.equal(hidden.suppressed, true);
    assert.equal(hidden.count, null);
    assert.equal(hidden.overall, null);
    assert.equal(hidden.respect, null);

    const shown = byId.get(large.id);
    assert.ok(shown && !shown.suppressed);
    assert.ok(shown.count !== null && Math.abs(shown.count - largeScores.length) <= 6, `count ${shown.count}`);
    const exact = largeScores.reduce((a, b) => a + b, 0) / largeScores.length;
    assert.ok(shown.overall !== null && Math.abs(shown.overall - exact) <= 0.25, `average ${shown.overall}`);
    assert.equal(shown.waiting, null, "an aspect nobody scored has no average");

    // The same ratings always get the same noise: asking again averages nothing away.
    assert.deepEqual((await quarter()).json, json);
    // Only the quarter's three months, each its own cell.
    assert.deepEqual(
      json.trend.map((m) => m.month),
      ["2021-01", "2021-02", "2021-03"],
    );
  });

  test("only one calendar month, quarter or year is answered", async () => {
    for (const [from, to] of [
      ["2021-02", "2021-03"],
      ["2021-02", "2021-04"],
      ["2021-01", "2021-11"],
      ["2020-07", "2021-06"],
    ] as const) {
      const { status, json } = await ask({ from, to, areaId: district });
      assert.equal(status, 400, `${from}…${to}`);
      assert.equal(json.error?.code, "PERIOD_NOT_CALENDAR");
    }
    for (const [from, to] of [
      ["2021-03", "2021-03"],
      ["2021-01", "2021-12"],
    ] as const)
      assert.equal((await ask({ from, to, areaId: district })).status, 200, `${from}…${to}`);
  });

  test("differencing published answers rarely gives the hidden group's count or average back", async () => {
    // The attacker subtracts the visible facility from the district (by facility, the district's total; by district,
    // its row) and from the month's cell, over many draws of record keys (each draw a database's own keys).
    const random = mulberry32(20_211_204);
    const ids = (
      await t.database.db
        .select({ id: facilityRatings.id })
        .from(facilityRatings)
        .where(inArray(facilityRatings.facilityId, [large.id, small.id]))
    ).map((r) => r.id);
    const hiddenSum = smallScores.reduce((a, b) => a + b, 0);
    let attempts = 0;
    let exactCount = 0;
    let closeAverage = 0;
    for (let draw = 0; draw < 40; draw++) {
      for (const id of ids)
        await t.database.db
          .update(facilityRatings)
          .set({ recordKey: Math.floor(random() * 65_536) })
          .where(eq(facilityRatings.id, id));
      const byFacility = (await quarter()).json;
      const visible = byFacility.rows.find((r) => r.id === large.id);
      const parents = [
        byFacility.total,
        (await quarter("district")).json.rows.find((r) => r.id === district),
        byFacility.trend.find((m) => m.month === "2021-03"),
      ];
      for (const parent of parents) {
        assert.ok(parent && visible && parent.count !== null && visible.count !== null);
        attempts++;
        const count = parent.count - visible.count;
        if (count === smallScores.length) exactCount++;
        if (count > 0 && parent.overall !== null && visible.overall !== null) {
          const average = (parent.overall * parent.count - visible.overall * visible.count) / count;
          if (Math.abs(average - hiddenSum / smallScores.length) < 0.25) closeAverage++;
        }
      }
    }
    console.log(
      `facility quality differencing: count exact ${exactCount} of ${attempts}, average within 0.25 ${closeAverage} of ${attempts}`,
    );
    // Uniform noises of ±6 on both sides cancel about once in 13; well above that would mean the noise is not working.
    assert.ok(exactCount / attempts < 0.2, `hidden count recovered ${exactCount} times of ${attempts}`);
    assert.ok(closeAverage / attempts < 0.2, `hidden average recovered ${closeAverage} times of ${attempts}`);
  });

  test("rating comments are erased after the retention period; scores stay counted; a second run erases nothing", async () => {
    const api = staffCalls(t);
    const f = await createFacility(t, district);
    const rate = async (comment: string) => {
      const res = await t.app.inject({
        method: "POST",
        url: `/api/facilities/${f.id}/ratings`,
        remoteAddress: `203.0.113.${Math.floor(Math.random() * 200) + 1}`,
        payload: { clientId: crypto.randomUUID(), deviceId: crypto.randomUUID(), overall: 3, comment },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const old = await rate("The nurse was kind but we waited all day");
    const recent = await rate("Clean and quick");
    const now = new Date("2030-06-15T00:00:00Z");
    const setMade = (id: string, at: string) =>
      t.database.db
        .update(facilityRatings)
        .set({ createdAt: new Date(at) })
        .where(eq(facilityRatings.id, id));
    await setMade(old, "2029-05-01T00:00:00Z"); // 13 months before `now`
    await setMade(recent, "2030-02-01T00:00:00Z"); // 4 months before

    const settings = await api.get(sysadmin, "/api/settings");
    assert.equal(settings.json().retention.ratingCommentMonths, 12, "12 months by default");

    const row = async (id: string) =>
      (await t.database.db.select().from(facilityRatings).where(eq(facilityRatings.id, id)))[0]!;
    const ctx = systemCtx(t.app.services);
    assert.ok((await eraseOldRatingComments(ctx, now)) >= 1);
    const erased = await row(old);
    assert.equal(erased.commentEnc, null);
    assert.equal(erased.commentStatus, "erased");
    assert.equal(erased.status, "counted", "the scores stay counted");
    assert.notEqual((await row(recent)).commentEnc, null, "a comment within the period is kept");
    assert.equal(await eraseOldRatingComments(ctx, now), 0, "a second run erases nothing");

    const [audited] = await t.database.rows<{ details: { what: string; comments: number } }>(
      sql`SELECT details FROM audit_events WHERE action = 'retention.erase' AND entity = 'facility_rating' ORDER BY seq DESC LIMIT 1`,
    );
    assert.equal(audited?.details.what, "ratingComments");

    // A shorter period from Set-up (audited as every setting) reaches the recent comment too.
    const patch = await api.patch(sysadmin, "/api/settings", {
      retention: { personalDataMonths: 24, messagesMonths: 12, ratingCommentMonths: 3 },
    });
    assert.equal(patch.statusCode, 200, patch.body);
    assert.equal(patch.json().retention.ratingCommentMonths, 3);
    const bad = await api.patch(sysadmin, "/api/settings", {
      retention: { personalDataMonths: 24, messagesMonths: 12, ratingCommentMonths: 0 },
    });
    assert.equal(bad.statusCode, 400);
    await eraseOldRatingComments(ctx, now);
    assert.equal((await row(recent)).commentEnc, null);
    // The data manager's review list no longer offers an erased comment.
    const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    const review = await api.get(dm, "/api/ratings/review");
    assert.ok(!review.json().items.some((i: { id: string }) => i.id === old || i.id === recent));
  });
});

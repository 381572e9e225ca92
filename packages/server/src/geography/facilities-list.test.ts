import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Facility } from "@openclm/contracts";
import { eq } from "drizzle-orm";
import { systemCtx } from "../platform/context.js";
import { redactUrl } from "../platform/logger.js";
import { getSetting, putSetting } from "../platform/platform.repo.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { facilities } from "./geography.schema.js";
import { listFacilities } from "./geography.service.js";

describe("listFacilities: service, openNow and near (issue 17)", () => {
  let t: TestApp;
  let all: Facility[];
  const get = async (qs: string) => {
    const res = await t.app.inject({ method: "GET", url: `/api/facilities?${qs}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as Facility[];
  };
  before(async () => {
    t = await createTestApp();
    all = await get("");
  });
  after(async () => t.close());

  test("every item carries its services, its position under both names and its last-updated date", () => {
    for (const f of all) {
      assert.equal(f.latitude, f.lat);
      assert.equal(f.longitude, f.lng);
      assert.ok(!Number.isNaN(Date.parse(f.updatedAt)), f.updatedAt);
    }
    assert.ok(all.some((f) => f.services.length > 0));
  });

  test("service keeps exactly the facilities offering it; an unknown service gives none", async () => {
    const expected = all.filter((f) => f.services.includes("legal_advice")).map((f) => f.id);
    assert.ok(expected.length > 0 && expected.length < all.length, "the demo country has some legal advice");
    assert.deepEqual((await get("service=legal_advice")).map((f) => f.id).sort(), expected.sort());
    assert.deepEqual(await get("service=no_such_service"), []);
    // Combined with the type filter.
    const pharmacies = await get("service=tb_medicines&type=pharmacy");
    assert.ok(pharmacies.length > 0);
    assert.ok(pharmacies.every((f) => f.type === "pharmacy" && f.services.includes("tb_medicines")));
  });

  test("openNow reads the hours on the country's clock", async () => {
    const [a, b] = all;
    assert.ok(a && b);
    await t.database.db
      .update(facilities)
      .set({ openingHours: { mon: ["08:00-12:00"] } })
      .where(eq(facilities.id, a.id));
    await t.database.db
      .update(facilities)
      .set({ openingHours: { sun: ["22:00-06:00"] } })
      .where(eq(facilities.id, b.id));
    const country = (await getSetting<Record<string, unknown>>(t.database.db, "country")) ?? {};
    await putSetting(t.database.db, "country", { ...country, timeZone: "Africa/Maputo" }); // UTC+2
    const ctx = systemCtx(t.app.services, "test");
    const openIds = async (iso: string) =>
      (await listFacilities(ctx, { openNow: true }, new Date(iso))).items.map((f) => f.id);
    // Monday 2026-03-02 07:30 UTC is 09:30 in Maputo: a is open (it would be closed on UTC's clock).
    assert.ok((await openIds("2026-03-02T07:30:00Z")).includes(a.id));
    // 10:30 UTC is 12:30 in Maputo: closed.
    assert.ok(!(await openIds("2026-03-02T10:30:00Z")).includes(a.id));
    // Sunday's overnight range still runs at 05:00 on Monday morning, and not at 07:00.
    assert.ok((await openIds("2026-03-02T03:00:00Z")).includes(b.id));
    assert.ok(!(await openIds("2026-03-02T05:00:00Z")).includes(b.id));
    // Without openNow nothing is left out.
    assert.equal((await listFacilities(ctx, {}, new Date("2026-03-02T10:30:00Z"))).items.length, all.length);
  });

  test("openNow over HTTP: a 24-hour facility is listed, one without hours is not; bad values are refused", async () => {
    const [a, b] = all;
    assert.ok(a && b);
    const allDay = Object.fromEntries(
      ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, ["00:00-24:00"]]),
    );
    await t.database.db.update(facilities).set({ openingHours: allDay }).where(eq(facilities.id, a.id));
    await t.database.db.update(facilities).set({ openingHours: {} }).where(eq(facilities.id, b.id));
    const open = (await get("openNow=true")).map((f) => f.id);
    assert.ok(open.includes(a.id));
    assert.ok(!open.includes(b.id));
    assert.equal((await get("openNow=false")).length, all.length);
    const bad = await t.app.inject({ method: "GET", url: "/api/facilities?openNow=yes" });
    assert.equal(bad.statusCode, 400);
  });

  test("near puts the facility at that position first and the rest by distance; bad positions are refused", async () => {
    const target = all[Math.floor(all.length / 2)];
    assert.ok(target);
    const items = await get(`near=${target.lat},${target.lng}`);
    assert.equal(items.length, all.length);
    assert.equal(items[0]?.id, target.id);
    const d = (f: Facility) => (f.lat - target.lat) ** 2 + (f.lng - target.lng) ** 2;
    // Squared degrees are not metres, but far apart facilities keep their order; check the coarse trend.
    assert.ok(d(items[1] as Facility) <= d(items[items.length - 1] as Facility));
    for (const q of ["near=91,0", "near=abc", "near=1"]) {
      const res = await t.app.inject({ method: "GET", url: `/api/facilities?${q}` });
      assert.equal(res.statusCode, 400, q);
    }
  });

  test("a position sent with near never reaches the logs", () => {
    assert.equal(
      redactUrl("/api/facilities?near=-25.96,32.58&openNow=true"),
      "/api/facilities?near=[redacted]&openNow=true",
    );
  });
});

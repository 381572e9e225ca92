import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { districtCorner, fixtureCountry, fixtureFacilitiesCsv, square } from "../testing/geography-fixtures.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

interface PublicArea {
  id: string;
  code: string;
  name: string;
}

/**
 * One area and one facility edited in place in Set-up (issue 13 items 3 and 4): names, population and boundary of an
 * area; every field of a facility, created or edited, checked by the facility file's rules; a region's administrator
 * kept to their region; the facility export safe to open in a spreadsheet.
 */
describe("editing one area or one facility", () => {
  let t: TestApp;
  let admin: string;
  let regional: string;
  let api: ReturnType<typeof staffCalls>;
  const ids = new Map<string, string>();

  before(async () => {
    t = await createTestApp({ demo: false });
    api = staffCalls(t);
    admin = await signInAs(t.app, await createStaffAccount(t, "country_admin", {}));
    const areas = await api.post(admin, "/api/setup/areas/import", { format: "geojson", data: fixtureCountry() });
    assert.equal(areas.statusCode, 200, areas.body);
    const facilities = await api.post(admin, "/api/setup/facilities/import", {
      format: "csv",
      data: fixtureFacilitiesCsv(12),
    });
    assert.equal(facilities.statusCode, 200, facilities.body);
    const config = (await t.app.inject({ method: "GET", url: "/api/config?lang=en" })).json();
    for (const a of config.areas as PublicArea[]) ids.set(a.code, a.id);
    regional = await signInAs(t.app, await createStaffAccount(t, "country_admin", { areaIds: [ids.get("TC-N")!] }));
  });
  after(async () => t.close());

  const put = (cookie: string, url: string, payload: object) =>
    t.app.inject({ method: "PUT", url, headers: { cookie }, payload });
  const publicName = async (code: string, lang = "en") =>
    ((await t.app.inject({ method: "GET", url: `/api/config?lang=${lang}` })).json().areas as PublicArea[]).find(
      (a) => a.code === code,
    )?.name;
  const placeAt = async (lat: number, lng: number) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "rights",
        subcategoryCode: "rights.privacy",
        position: { lat, lng },
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const [row] = await t.database.rows<{ code: string }>(
      sql`SELECT a.code FROM reports r JOIN areas a ON a.id = r.district_id ORDER BY r.created_at DESC LIMIT 1`,
    );
    return row?.code;
  };
  const auditOf = async (action: string, entityId: string) =>
    (
      await t.database.rows<{ details: Record<string, unknown> }>(
        sql`SELECT details FROM audit_events WHERE action = ${action} AND entity_id = ${entityId} ORDER BY seq`,
      )
    ).map((r) => r.details);

  test("an area's names, population and boundary change; the report flow and position lookup follow", async () => {
    const id = ids.get("TC-N-1")!;
    const shown = await api.get(admin, `/api/setup/areas/${id}`);
    assert.equal(shown.statusCode, 200, shown.body);
    assert.deepEqual(shown.json().names, { en: "District N-1", fr: "District N-1 (fr)" });
    assert.equal(shown.json().boundary.type, "Polygon");
    // N-1 grows north beyond the country's edge (lat 0..3 instead of 0..2), where no district was.
    const res = await api.patch(admin, `/api/setup/areas/${id}`, {
      names: { en: "Lakeside", fr: "Bord du lac" },
      population: 4321,
      boundary: square(30, 0, 32, 3),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().population, 4321);
    assert.equal(await publicName("TC-N-1"), "Lakeside");
    assert.equal(await publicName("TC-N-1", "fr"), "Bord du lac");
    assert.equal(await placeAt(2.5, 31), "TC-N-1", "a position inside the new boundary only");
    const [details] = await auditOf("area.update", id);
    assert.deepEqual(details?.before, {
      names: { en: "District N-1", fr: "District N-1 (fr)" },
      population: 1000,
      boundary: { type: "Polygon", positions: 5 },
    });
    assert.equal((details!.after as { population: number }).population, 4321);
  });

  test("a crossing boundary, a missing name or an unknown language is refused and nothing changes", async () => {
    const id = ids.get("TC-N-2")!;
    const before = (await api.get(admin, `/api/setup/areas/${id}`)).json();
    const bowtie = {
      type: "Polygon",
      coordinates: [
        [
          [32, 0],
          [34, 2],
          [34, 0],
          [32, 2],
          [32, 0],
        ],
      ],
    };
    const crossing = await api.patch(admin, `/api/setup/areas/${id}`, { population: 5, boundary: bowtie });
    assert.equal(crossing.statusCode, 400);
    assert.deepEqual(
      crossing.json().error.details.map((d: { field: string; problem: string }) => [d.field, d.problem]),
      [["boundary", "self_intersection"]],
    );
    const open = await api.patch(admin, `/api/setup/areas/${id}`, {
      boundary: {
        type: "Polygon",
        coordinates: [
          [
            [32, 0],
            [34, 0],
            [34, 2],
            [32, 2],
          ],
        ],
      },
    });
    assert.equal(open.json().error.details[0].problem, "invalid_geometry");
    const names = await api.patch(admin, `/api/setup/areas/${id}`, { names: { en: " ", fr: "", xx: "?" } });
    assert.deepEqual(
      names.json().error.details.map((d: { field: string; problem: string }) => [d.field, d.problem]),
      [
        ["names.xx", "unknown_language"],
        ["names.en", "missing_name"],
      ],
    );
    assert.deepEqual((await api.get(admin, `/api/setup/areas/${id}`)).json(), before);
  });

  test("a region's administrator edits areas in their region only; others read as not found", async () => {
    const mine = await api.patch(regional, `/api/setup/areas/${ids.get("TC-N-3")!}`, { population: 77 });
    assert.equal(mine.statusCode, 200, mine.body);
    for (const code of ["TC-S-1", "TC-S", "TC"]) {
      const theirs = await api.patch(regional, `/api/setup/areas/${ids.get(code)!}`, { population: 1 });
      assert.equal(theirs.statusCode, 404, `${code}: ${theirs.body}`);
      assert.equal((await api.get(regional, `/api/setup/areas/${ids.get(code)!}`)).statusCode, 404);
    }
  });

  const facility = (over: object = {}) => ({
    code: "NEW-1",
    names: { en: "Riverside clinic", fr: "Clinique de la rivière" },
    type: "tb_clinic",
    districtId: ids.get("TC-S-3")!,
    lat: -1.5,
    lng: 35.2,
    address: { en: "1 River Road" },
    phone: "+255 700 111222",
    openingHours: "mon-fri 08:00-16:00",
    services: ["tb_testing", "dot"],
    ...over,
  });

  test("a facility is created, shown in Near Me, edited in place and audited with before and after", async () => {
    const created = await api.post(admin, "/api/setup/facilities", facility());
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json();
    assert.equal(created.json().districtCode, "TC-S-3");
    const near = (await t.app.inject({ method: "GET", url: "/api/facilities?lang=fr" })).json().items;
    assert.equal(near.find((f: { id: string }) => f.id === id)?.name, "Clinique de la rivière");
    const edited = await put(admin, `/api/setup/facilities/${id}`, {
      ...facility({ code: "NEW-1B", type: "hospital", lat: -0.5, lng: 34.5 }),
      openingHours: "mon-sat 07:00-19:00",
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const shown = (await api.get(admin, `/api/setup/facilities/${id}`)).json();
    assert.deepEqual(
      [shown.code, shown.type, shown.lat, shown.openingHours, shown.codeLocked],
      [
        "NEW-1B",
        "hospital",
        -0.5,
        "mon 07:00-19:00; tue 07:00-19:00; wed 07:00-19:00; thu 07:00-19:00; fri 07:00-19:00; sat 07:00-19:00",
        false,
      ],
    );
    const [audited] = await auditOf("facility.update", id);
    assert.equal((audited!.before as { code: string }).code, "NEW-1");
    assert.equal((audited!.after as { type: string }).type, "hospital");
  });

  test("bad fields are refused by the file's rules, each with its column; nothing changes", async () => {
    const res = await api.post(
      admin,
      "/api/setup/facilities",
      facility({ code: "F-001", names: { fr: "Sans nom anglais" }, type: "spa", lat: 95, openingHours: "someday" }),
    );
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res
        .json()
        .error.details.map((d: { column: string; problem: string }) => [d.column, d.problem])
        .sort(),
      [
        ["code", "duplicate_code"],
        ["latitude", "position"],
        ["name:en", "missing_name"],
        ["opening_hours", "opening_hours"],
        ["type", "type"],
      ],
    );
    const [count] = await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM facilities`);
    assert.equal(count?.n, 13, "the twelve imported and the one created above");
  });

  test("once a report names a facility its code is fixed; other fields still change", async () => {
    const list = (await api.get(admin, "/api/setup/facilities?lang=en")).json().items;
    const f = list.find((x: { code: string }) => x.code === "F-002");
    const sent = await t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "rights",
        subcategoryCode: "rights.privacy",
        districtId: f.districtId,
        facilityId: f.id,
      },
    });
    assert.equal(sent.statusCode, 201, sent.body);
    const full = (await api.get(admin, `/api/setup/facilities/${f.id}`)).json();
    assert.equal(full.codeLocked, true);
    const body = { ...full, services: ["x-ray"] };
    for (const k of ["id", "name", "districtCode", "active", "codeLocked"]) delete body[k];
    const renamed = await put(admin, `/api/setup/facilities/${f.id}`, { ...body, code: "F-002X" });
    assert.equal(renamed.statusCode, 409, renamed.body);
    const kept = await put(admin, `/api/setup/facilities/${f.id}`, body);
    assert.equal(kept.statusCode, 200, kept.body);
    assert.deepEqual(kept.json().services, ["x-ray"]);
  });

  test("a region's administrator creates and edits facilities in their region only", async () => {
    const { lat, lng } = districtCorner("TC-N-2");
    const mine = await api.post(
      regional,
      "/api/setup/facilities",
      facility({ code: "N-POST", districtId: ids.get("TC-N-2")!, lat: lat + 1, lng: lng + 1 }),
    );
    assert.equal(mine.statusCode, 201, mine.body);
    const theirs = await api.post(regional, "/api/setup/facilities", facility({ code: "S-POST" }));
    assert.equal(theirs.statusCode, 400);
    assert.deepEqual(
      theirs.json().error.details.map((d: { problem: string }) => d.problem),
      ["out_of_scope"],
    );
    const southern = (await api.get(admin, "/api/setup/facilities?lang=en"))
      .json()
      .items.find((x: { districtCode: string }) => x.districtCode.startsWith("TC-S"));
    assert.equal((await api.get(regional, `/api/setup/facilities/${southern.id}`)).statusCode, 404);
    const moved = await put(regional, `/api/setup/facilities/${southern.id}`, facility({ code: southern.code }));
    assert.equal(moved.statusCode, 404);
  });

  test("the facility export writes formula-like cells as text, and reads them back unchanged", async () => {
    const risky = facility({
      code: "RISK-1",
      names: { en: '=HYPERLINK("http://evil.example","Click")', fr: "@SUM(1+1)" },
      address: { en: "-2 Main Road" },
    });
    assert.equal((await api.post(admin, "/api/setup/facilities", risky)).statusCode, 201);
    const exported = (await api.get(admin, "/api/setup/facilities/export")).body;
    const line = exported.split("\n").find((l) => l.startsWith("RISK-1,"))!;
    assert.match(line, /^RISK-1,"'=HYPERLINK\(""http:\/\/evil\.example"",""Click""\)",'@SUM\(1\+1\),/);
    assert.match(line, /,'-2 Main Road,.*'\+255 700 111222,/);
    assert.match(line, /,-1\.5,35\.2,/, "negative coordinates stay numbers");
    const back = await api.post(admin, "/api/setup/facilities/import", { format: "csv", data: exported });
    assert.deepEqual(back.json(), { dryRun: false, created: 0, updated: 0 }, "the export re-imports as it is");
  });

  test("every geography change tells the other server processes to reload what intake checks (NOTIFY)", {
    timeout: 60_000,
  }, async () => {
    // Another process holds intake's lookups for 30 s; without the notification a retired facility or a district's
    // new boundary would be used there meanwhile.
    let heard = 0;
    let wake = () => {};
    const unlisten = await t.database.listen("report_lookups", () => {
      heard++;
      wake();
    });
    const notified = async (change: () => Promise<{ statusCode: number; body: string }>) => {
      const before = heard;
      const arrived = new Promise<void>((resolve) => {
        wake = resolve;
      });
      const res = await change();
      assert.ok(res.statusCode < 300, res.body);
      await arrived;
      return heard - before;
    };
    try {
      const { id } = (await api.post(admin, "/api/setup/facilities", facility({ code: "NOTE-1" }))).json();
      assert.ok((await notified(() => put(admin, `/api/setup/facilities/${id}`, facility({ code: "NOTE-1" })))) >= 1);
      const retire = () => api.patch(admin, `/api/setup/facilities/${id}`, { active: false });
      assert.ok((await notified(retire)) >= 1, "retiring a facility");
      const area = () => api.patch(admin, `/api/setup/areas/${ids.get("TC-S-1")}`, { population: 777 });
      assert.ok((await notified(area)) >= 1, "editing an area");
      const file = () =>
        api.post(admin, "/api/setup/facilities/import", { format: "csv", data: fixtureFacilitiesCsv(12) });
      assert.ok((await notified(file)) >= 1, "importing facilities");
    } finally {
      await unlisten();
    }
  });
});

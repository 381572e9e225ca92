import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import {
  districtCorner,
  type FixtureFeature,
  fixtureCountry,
  fixtureFacilitiesCsv,
  square,
} from "../testing/geography-fixtures.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

interface PublicArea {
  id: string;
  parentId: string | null;
  level: number;
  code: string;
  name: string;
}

/**
 * Loading a country from files (issue 13 items 3 and 4), on a database with no geography at all: the first import by
 * a country administrator, every kind of bad file refused with nothing changed, re-imports that update and retire,
 * reports placed by position in the new districts, facilities round-tripping through CSV, and a region's
 * administrator kept to their region.
 */
describe("geography and facility import", () => {
  let t: TestApp;
  let admin: string;
  let api: ReturnType<typeof staffCalls>;

  before(async () => {
    t = await createTestApp({ demo: false });
    api = staffCalls(t);
    admin = await signInAs(t.app, await createStaffAccount(t, "country_admin", {}));
  });
  after(async () => t.close());

  const importAreas = (body: object, cookie = admin) => api.post(cookie, "/api/setup/areas/import", body);
  const importFacilities = (data: string, dryRun = false, cookie = admin) =>
    api.post(cookie, "/api/setup/facilities/import", { format: "csv", data, dryRun });
  const publicAreas = async (): Promise<PublicArea[]> =>
    (await t.app.inject({ method: "GET", url: "/api/config?lang=en" })).json().areas;
  const areaId = async (code: string) => (await publicAreas()).find((a) => a.code === code)?.id;
  const areaRows = () =>
    t.database.rows<{ code: string; names: unknown; retired: boolean }>(
      sql`SELECT code, names, retired_at IS NOT NULL AS retired FROM areas ORDER BY code`,
    );
  const report = (place: object) =>
    t.app.inject({
      method: "POST",
      url: "/api/reports",
      payload: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: "rights",
        subcategoryCode: "rights.privacy",
        ...place,
      },
    });
  const newestReportDistrict = async () =>
    (
      await t.database.rows<{ district_id: string }>(
        sql`SELECT district_id FROM reports ORDER BY created_at DESC, id LIMIT 1`,
      )
    )[0]?.district_id;

  test("a dry run counts what the first import would do and changes nothing", async () => {
    const res = await importAreas({ format: "geojson", data: fixtureCountry(), dryRun: true });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      dryRun: true,
      created: 9,
      updated: 0,
      retired: 0,
      facilitiesRetired: 0,
      problems: [],
    });
    assert.deepEqual(await publicAreas(), []);
  });

  test("the first import loads three levels; the report flow offers them and places a report by position", async () => {
    const res = await importAreas({ format: "geojson", data: fixtureCountry() });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 9);
    const areas = await publicAreas();
    assert.deepEqual(
      areas.map((a) => [a.code, a.level]),
      [["TC", 0], ["TC-N", 1], ["TC-S", 1], ...["N-1", "N-2", "N-3", "S-1", "S-2", "S-3"].map((c) => [`TC-${c}`, 2])],
    );
    const byCode = new Map(areas.map((a) => [a.code, a]));
    assert.equal(byCode.get("TC-S-2")?.parentId, byCode.get("TC-S")?.id);
    const inS2 = districtCorner("TC-S-2");
    const placed = await report({ position: { lat: inS2.lat + 1, lng: inS2.lng + 1 } });
    assert.equal(placed.statusCode, 201, placed.body);
    assert.equal(await newestReportDistrict(), byCode.get("TC-S-2")?.id);
    const boundaries = await t.app.inject({ method: "GET", url: "/api/areas/boundaries?level=2" });
    assert.equal(boundaries.json().features.length, 6);
    // The administrator who loaded the first geography now holds the country: a second import needs that scope.
    const again = await importAreas({ format: "geojson", data: fixtureCountry(), dryRun: true });
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual([again.json().created, again.json().updated, again.json().retired], [0, 0, 0]);
  });

  test("every kind of problem is refused with its feature index, and nothing changes", async () => {
    const before = await areaRows();
    const file = fixtureCountry();
    const f = file.features;
    const bad: FixtureFeature[] = [
      ...f,
      // 9: unknown parent
      { ...f[3]!, properties: { ...f[3]!.properties, code: "TC-X-1", parentCode: "TC-X" } },
      // 10: duplicate code
      { ...f[4]! },
      // 11: self-intersecting polygon (a bow tie)
      {
        ...f[5]!,
        properties: { ...f[5]!.properties, code: "TC-N-9" },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [30, 0],
              [31, 1],
              [31, 0],
              [30, 1],
              [30, 0],
            ],
          ],
        },
      },
      // 12: invalid polygon (the ring is not closed)
      {
        ...f[5]!,
        properties: { ...f[5]!.properties, code: "TC-N-8" },
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [30, 0],
              [31, 0],
              [31, 1],
              [30, 1],
            ],
          ],
        },
      },
      // 13: missing name
      { ...f[5]!, properties: { code: "TC-N-7", parentCode: "TC-N", level: 2 } },
      // 14: level not parent + 1
      { ...f[5]!, properties: { ...f[5]!.properties, code: "TC-N-6", level: 3 } },
    ];
    for (const dryRun of [true, false]) {
      const res = await importAreas({ format: "geojson", data: { ...file, features: bad }, dryRun });
      assert.equal(res.statusCode, 400, res.body);
      const { error } = res.json();
      assert.equal(error.code, "VALIDATION_FAILED");
      assert.deepEqual(
        error.details.map((d: { index: number; code?: string; problem: string }) => [d.index, d.code, d.problem]),
        [
          [9, "TC-X-1", "unknown_parent"],
          [10, "TC-N-2", "duplicate_code"],
          [11, "TC-N-9", "self_intersection"],
          [12, "TC-N-8", "invalid_geometry"],
          [13, "TC-N-7", "missing_name"],
          [14, "TC-N-6", "level"],
        ],
      );
      for (const d of error.details) assert.ok(d.message.length > 5, d.message);
    }
    assert.deepEqual(await areaRows(), before, "nothing was applied");
  });

  test("a refused region is reported once, not again as the unknown parent of each of its districts", async () => {
    const file = fixtureCountry();
    const north = file.features[1]!;
    north.properties = { code: "TC-N", parentCode: "TC", level: 1 }; // no name
    const res = await importAreas({ format: "geojson", data: file, dryRun: true });
    assert.deepEqual(
      res.json().error.details.map((d: { index: number; problem: string }) => [d.index, d.problem]),
      [[1, "missing_name"]],
    );
  });

  test("a re-import updates by code, adds a district, and retires one that reports point to", async () => {
    const boundariesAt = (etag?: string) =>
      t.app.inject({
        method: "GET",
        url: "/api/areas/boundaries?level=2",
        headers: etag ? { "if-none-match": etag } : {},
      });
    const etag = (await boundariesAt()).headers.etag as string;
    assert.equal((await boundariesAt(etag)).statusCode, 304, "unchanged boundaries: the browser's copy is current");
    const file = fixtureCountry();
    const oldS2 = await areaId("TC-S-2");
    const features = file.features
      .filter((f) => f.properties.code !== "TC-S-2")
      .map((f) =>
        f.properties.code === "TC-S-3"
          ? { ...f, properties: { ...f.properties, "name:en": "Eastport" }, geometry: square(32, -2, 36, 0) }
          : f,
      );
    // The new district takes S-2's place in the west half of it... and S-3 grows over the rest.
    features.push({
      type: "Feature",
      properties: { code: "TC-S-4", parentCode: "TC-S", level: 2, "name:en": "Newtown", population: 500 },
      geometry: square(31.5, -2, 32, 0),
    });
    const s1 = features.find((f) => f.properties.code === "TC-S-1")!;
    s1.geometry = square(30, -2, 31.5, 0);
    const res = await importAreas({ format: "geojson", data: { type: "FeatureCollection", features } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      [res.json().created, res.json().updated, res.json().retired],
      [1, 2, 1],
      "S-4 created; S-1 and S-3 changed; S-2 retired",
    );
    const areas = await publicAreas();
    assert.equal(
      areas.find((a) => a.code === "TC-S-2"),
      undefined,
      "a retired district is no longer offered",
    );
    assert.equal(areas.find((a) => a.code === "TC-S-3")?.name, "Eastport");
    const stored = await t.database.rows<{ retired: boolean }>(
      sql`SELECT retired_at IS NOT NULL AS retired FROM areas WHERE id = ${oldS2}`,
    );
    assert.deepEqual(stored, [{ retired: true }], "kept, never deleted: its reports keep their place");
    const refused = await report({ districtId: oldS2 });
    assert.equal(refused.json().error?.code, "UNKNOWN_AREA");
    const placed = await report({ position: { lat: -1, lng: 31.75 } });
    assert.equal(placed.statusCode, 201, placed.body);
    assert.equal(
      await newestReportDistrict(),
      await areaId("TC-S-4"),
      "the new district receives a report by position",
    );
    const grown = await report({ position: { lat: -1, lng: 33 } });
    assert.equal(grown.statusCode, 201);
    assert.equal(await newestReportDistrict(), await areaId("TC-S-3"));
    const boundaries = await boundariesAt(etag);
    assert.equal(boundaries.statusCode, 200, "after the import the maps get the new boundaries at once");
    assert.deepEqual(
      boundaries
        .json()
        .features.map((b: { properties: { code: string } }) => b.properties.code)
        .sort(),
      ["TC-N-1", "TC-N-2", "TC-N-3", "TC-S-1", "TC-S-3", "TC-S-4"],
    );
  });

  test("a district that reports point to cannot become a parent", async () => {
    const file = fixtureCountry();
    file.features.push({
      type: "Feature",
      properties: { code: "TC-S-1-a", parentCode: "TC-S-1", level: 3, "name:en": "Ward" },
      geometry: null,
    });
    await report({ districtId: await areaId("TC-S-1") });
    const res = await importAreas({ format: "geojson", data: file, dryRun: true });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(
      res.json().error.details.map((d: { code: string; problem: string }) => [d.code, d.problem]),
      [["TC-S-1", "has_reports"]],
    );
  });

  test("a CSV without boundaries updates names and population and keeps the stored boundaries", async () => {
    const csv = [
      "code,parent_code,level,name:en,population",
      "TC,,0,Testland,",
      "TC-N,TC,1,North,",
      "TC-S,TC,1,South,",
      ...["N-1", "N-2", "N-3", "S-1", "S-3", "S-4"].map((c) => `TC-${c},TC-${c.slice(0, 1)},2,Csv ${c},2000`),
    ].join("\n");
    const res = await importAreas({ format: "csv", data: csv });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().updated, 6);
    assert.equal((await publicAreas()).find((a) => a.code === "TC-N-1")?.name, "Csv N-1");
    const inN1 = await report({ position: { lat: 1, lng: 31 } });
    assert.equal(inN1.statusCode, 201, "the boundary is still there for placing by position");
    const bad = await importAreas({ format: "csv", data: `${csv}\nTC-N-4,TC-Q,2,Lost,\nTC-N-5,TC-N,2,,` });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().error.details.map((d: { row: number; problem: string }) => [d.row, d.problem]),
      [
        [11, "unknown_parent"],
        [12, "missing_name"],
      ],
    );
  });

  describe("facilities", () => {
    const districts = ["TC-N-1", "TC-N-2", "TC-N-3", "TC-S-1", "TC-S-3", "TC-S-4"];
    const csv = fixtureFacilitiesCsv(50, districts);
    const publicFacilities = async () =>
      (await t.app.inject({ method: "GET", url: "/api/facilities?lang=en" })).json().items as {
        id: string;
        code: string;
        name: string;
        districtId: string;
        openingHours: Record<string, string[]>;
      }[];

    test("50 facilities from a CSV: dry run, then import; Near Me lists them", async () => {
      const dry = await importFacilities(csv, true);
      assert.deepEqual(dry.json(), { dryRun: true, created: 50, updated: 0 });
      assert.equal((await publicFacilities()).length, 0);
      const res = await importFacilities(csv);
      assert.deepEqual(res.json(), { dryRun: false, created: 50, updated: 0 });
      const items = await publicFacilities();
      assert.equal(items.length, 50);
      const f1 = items.find((f) => f.code === "F-001")!;
      assert.equal(f1.name, "Clinic 1, TC-N-1");
      assert.equal(f1.districtId, await areaId("TC-N-1"));
      assert.deepEqual(f1.openingHours.fri, ["08:00-16:00"]);
      const atFacility = await report({ facilityId: f1.id });
      assert.equal(atFacility.statusCode, 201, atFacility.body);
    });

    test("export, then import of the export, changes nothing (the CSV round-trips)", async () => {
      const exported = await api.get(admin, "/api/setup/facilities/export");
      assert.equal(exported.statusCode, 200);
      assert.match(exported.headers["content-type"] as string, /^text\/csv/);
      const lines = exported.body.trim().split("\n");
      assert.equal(lines.length, 51);
      assert.match(lines[0]!, /^code,name:en,.*type,district_code,latitude,longitude,address,.*phone,opening_hours/);
      const back = await importFacilities(exported.body);
      assert.deepEqual(back.json(), { dryRun: false, created: 0, updated: 0 });
      const edited = exported.body.replace("Clinic 2, TC-N-2", "Clinic Two");
      assert.deepEqual((await importFacilities(edited)).json(), { dryRun: false, created: 0, updated: 1 });
      assert.equal((await publicFacilities()).find((f) => f.code === "F-002")?.name, "Clinic Two");
    });

    test("bad rows are refused with row and column; nothing changes", async () => {
      const before = await api.get(admin, "/api/setup/facilities/export");
      const rows = [
        "code,name:en,type,district_code,latitude,longitude,address,phone,opening_hours,services",
        "F-900,New clinic,tb_clinic,TC-N-1,0.5,30.5,,,,", // fine
        "F-901,,tb_clinic,TC-N-1,0.5,30.5,,,,", // 3: no name
        "F-902,Bad type,spa,TC-N-1,0.5,30.5,,,,", // 4: type
        "F-903,Nowhere,tb_clinic,TC-ZZ,0.5,30.5,,,,", // 5: district
        "F-904,Off map,tb_clinic,TC-N-1,95,30.5,,,,", // 6: latitude
        "F-905,Hours,tb_clinic,TC-N-1,0.5,30.5,,,someday 9-5,", // 7: opening hours
        "F-900,Twice,tb_clinic,TC-N-1,0.5,30.5,,,,", // 8: duplicate code
        "F-906,Retired district,tb_clinic,TC-S-2,-1,32.5,,,,", // 9: a retired district
      ].join("\n");
      const res = await importFacilities(rows);
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(
        res
          .json()
          .error.details.map((d: { row: number; column?: string; problem: string }) => [d.row, d.column, d.problem]),
        [
          [3, "name:en", "missing_name"],
          [4, "type", "type"],
          [5, "district_code", "district_code"],
          [6, "latitude", "position"],
          [7, "opening_hours", "opening_hours"],
          [8, "code", "duplicate_code"],
          [9, "district_code", "district_code"],
        ],
      );
      const missingColumn = await importFacilities("code,name:en,type\nF-1,A,ngo");
      assert.equal(missingColumn.json().error.details[0].row, 1);
      assert.equal(missingColumn.json().error.details[0].problem, "columns");
      const after = await api.get(admin, "/api/setup/facilities/export");
      assert.equal(after.body, before.body, "nothing was applied");
    });

    test("a facility file above the size limit answers 413 and changes nothing", async () => {
      const huge = `${"x".repeat(6 * 1024 * 1024)}`;
      const res = await importFacilities(huge, true);
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error.code, "PAYLOAD_TOO_LARGE");
    });

    test("a retired facility leaves Near Me and new reports, and can be brought back", async () => {
      const list = (await api.get(admin, "/api/setup/facilities?lang=en")).json().items as {
        id: string;
        code: string;
        active: boolean;
      }[];
      const f3 = list.find((f) => f.code === "F-003")!;
      const off = await api.patch(admin, `/api/setup/facilities/${f3.id}`, { active: false });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().active, false);
      assert.equal((await publicFacilities()).length, 49);
      assert.equal((await report({ facilityId: f3.id })).json().error?.code, "UNKNOWN_FACILITY");
      assert.equal((await api.patch(admin, `/api/setup/facilities/${f3.id}`, { active: true })).json().active, true);
      assert.equal((await publicFacilities()).length, 50);
      assert.equal((await report({ facilityId: f3.id })).statusCode, 201);
    });

    test("retiring a district retires its facilities with it", async () => {
      const file = fixtureCountry();
      const features = file.features
        .filter((f) => f.properties.code !== "TC-S-2" && f.properties.code !== "TC-N-3")
        .concat({
          type: "Feature",
          properties: { code: "TC-S-4", parentCode: "TC-S", level: 2, "name:en": "Newtown" },
          geometry: square(31.5, -2, 32, 0),
        });
      const dry = await importAreas({ format: "geojson", data: { ...file, features }, dryRun: true });
      assert.equal(dry.statusCode, 200, dry.body);
      assert.equal(dry.json().retired, 1);
      assert.equal(dry.json().facilitiesRetired, Math.ceil((50 - 2) / 6), "N-3's facilities");
      assert.equal((await publicFacilities()).length, 50, "a dry run retires nothing");
    });

    test("a region's administrator imports, lists and retires only facilities in their region", async () => {
      const north = (await areaId("TC-N"))!;
      const regional = await signInAs(t.app, await createStaffAccount(t, "country_admin", { areaIds: [north] }));
      const listed = (await api.get(regional, "/api/setup/facilities")).json().items as {
        id: string;
        code: string;
        districtCode: string;
      }[];
      assert.ok(listed.length > 0);
      assert.ok(listed.every((f) => f.districtCode.startsWith("TC-N-")));
      const exported = (await api.get(regional, "/api/setup/facilities/export")).body;
      assert.equal(exported.trim().split("\n").length, listed.length + 1);
      const header = "code,name:en,type,district_code,latitude,longitude";
      const mine = await importFacilities(`${header}\nR-1,Northern post,ngo,TC-N-2,1,32.5`, false, regional);
      assert.deepEqual(mine.json(), { dryRun: false, created: 1, updated: 0 });
      const theirs = await importFacilities(
        `${header}\nR-2,Southern post,ngo,TC-S-1,-1,30.5\nF-004,Moved north,ngo,TC-N-1,1,30.5`,
        true,
        regional,
      );
      assert.equal(theirs.statusCode, 400);
      assert.deepEqual(
        theirs.json().error.details.map((d: { row: number; problem: string }) => [d.row, d.problem]),
        [
          [2, "out_of_scope"],
          [3, "out_of_scope"],
        ],
        "a southern district, and a southern facility moved north",
      );
      const southern = (await publicFacilities()).find((f) => f.code === "F-004")!;
      const patch = await api.patch(regional, `/api/setup/facilities/${southern.id}`, { active: false });
      assert.equal(patch.statusCode, 404, "out of scope reads as not found");
      const areas = await importAreas({ format: "geojson", data: fixtureCountry(), dryRun: true }, regional);
      assert.equal(areas.statusCode, 403, "the geography is country-wide");
    });
  });
});

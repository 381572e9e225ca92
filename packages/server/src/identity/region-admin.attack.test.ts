import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { leafIdsUnder } from "../geography/geography.repo.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

type Area = {
  id: string;
  code: string;
  level: number;
  parent_id: string | null;
};
interface TeamJson {
  id: string;
  name: string;
  scopeAreaIds: string[];
  members: { email: string }[];
}

/**
 * Issue 22 item 8: a region-scoped country administrator created teams in other regions, listed every team with its
 * members' e-mails, changed country-wide protocols and set other regions' targets and benchmarks.
 */
describe("attack: a region's administrator reaches beyond the region", () => {
  let t: TestApp;
  let regionAdmin: string;
  let countryAdmin: string;
  let regionA: Area;
  let regionB: Area;
  let districtA: Area;
  let districtB: Area;
  let areasAll: Area[];
  const api = () => staffCalls(t);
  const year = new Date().getUTCFullYear();

  before(async () => {
    t = await createTestApp();
    const areas = await t.database.rows<Area>(sql`SELECT id, code, level, parent_id FROM areas ORDER BY code`);
    areasAll = areas;
    regionA = areas.find((a) => a.id === account(t.demoAccounts, "data_manager").scope.areaIds[0])!;
    regionB = areas.find((a) => a.level === 1 && a.id !== regionA.id)!;
    districtA = areas.find((a) => a.parent_id === regionA.id)!;
    districtB = areas.find((a) => a.parent_id === regionB.id)!;
    regionAdmin = await signInAs(t.app, await createStaffAccount(t, "country_admin", { areaIds: [regionA.id] }));
    countryAdmin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
  });
  after(async () => t.close());

  const districtsUnder = (areaIds: string[]) => leafIdsUnder(t.database.db, areaIds);
  const inRegion = async (team: TeamJson, region: Area) => {
    const under = await districtsUnder([region.id]);
    return (await districtsUnder(team.scopeAreaIds)).every((d) => under.includes(d));
  };
  const put = (cookie: string, url: string, payload: unknown) =>
    t.app.inject({ method: "PUT", url, headers: { cookie }, payload: payload as object });
  const patch = (cookie: string, url: string, payload: unknown) => api().patch(cookie, url, payload);

  test("teams: only the region's are listed, with their members; others cannot be created or changed", async () => {
    const all: TeamJson[] = (await api().get(countryAdmin, "/api/teams")).json().items;
    const teamB = (await Promise.all(all.map(async (x) => ((await inRegion(x, regionB)) ? x : null)))).find(Boolean);
    assert.ok(teamB, "the demo has a team in the other region");
    const listed: TeamJson[] = (await api().get(regionAdmin, "/api/teams")).json().items;
    assert.ok(listed.length > 0, "the region's own teams are listed");
    for (const x of listed) assert.ok(await inRegion(x, regionA), `${x.name} lies in the region`);
    const emailsB = teamB.members.map((m) => m.email);
    const listedText = JSON.stringify(listed);
    assert.ok(!listedText.includes(teamB.id), "no other region's team");
    for (const e of emailsB.filter((e) => !listed.some((x) => x.members.some((m) => m.email === e)))) {
      assert.ok(!listedText.includes(e), `no e-mail of another region's member: ${e}`);
    }

    const before = all.length;
    const elsewhere = await api().post(regionAdmin, "/api/teams", { name: "Raid team", scopeAreaIds: [districtB.id] });
    assert.equal(elsewhere.statusCode, 404, elsewhere.body);
    const wholeCountry = await api().post(regionAdmin, "/api/teams", {
      name: "Raid team",
      scopeAreaIds: [regionA.id, regionB.id],
    });
    assert.equal(wholeCountry.statusCode, 404, wholeCountry.body);
    assert.equal((await api().get(countryAdmin, "/api/teams")).json().items.length, before, "nothing created");

    for (const [what, res] of [
      ["rename", await patch(regionAdmin, `/api/teams/${teamB.id}`, { name: "Renamed" })],
      ["candidates", await api().get(regionAdmin, `/api/teams/${teamB.id}/candidates`)],
      ["add", await api().put(regionAdmin, `/api/teams/${teamB.id}/members/${teamB.id}`)],
      ["remove", await api().del(regionAdmin, `/api/teams/${teamB.id}/members/${teamB.id}`)],
    ] as const) {
      assert.equal(res.statusCode, 404, `${what}: ${res.body}`);
    }
    const still: TeamJson[] = (await api().get(countryAdmin, "/api/teams")).json().items;
    assert.equal(still.find((x) => x.id === teamB.id)?.name, teamB.name, "unchanged");

    const own = await api().post(regionAdmin, "/api/teams", {
      name: "Region A night team",
      scopeAreaIds: [districtA.id],
    });
    assert.equal(own.statusCode, 201, own.body);
  });

  test("targets: the region's own only; another region's or the country's are out of reach", async () => {
    const target = (areaId: string | null) => ({
      metric: "reports_total",
      periodType: "year",
      periodStart: `${year + 1}-01-01`,
      areaId,
      value: 40,
    });
    const other = await put(regionAdmin, "/api/setup/targets", target(regionB.id));
    assert.equal(other.statusCode, 404, other.body);
    const country = await put(regionAdmin, "/api/setup/targets", target(null));
    assert.equal(country.statusCode, 403, country.body);
    assert.equal(country.json().error.code, "COUNTRY_SCOPE_REQUIRED");
    const own = await put(regionAdmin, "/api/setup/targets", target(districtA.id));
    assert.equal(own.statusCode, 200, own.body);

    const setB = await put(countryAdmin, "/api/setup/targets", target(regionB.id));
    const setCountry = await put(countryAdmin, "/api/setup/targets", target(null));
    for (const id of [setB.json().id, setCountry.json().id]) {
      const del = await api().del(regionAdmin, `/api/setup/targets/${id}`);
      assert.equal(del.statusCode, 404, del.body);
    }
    const [{ n }] = (await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM indicator_targets WHERE id IN (${setB.json().id}::uuid, ${setCountry.json().id}::uuid)`,
    )) as [{ n: number }];
    assert.equal(n, 2, "both still there");
    assert.equal((await api().del(regionAdmin, `/api/setup/targets/${own.json().id}`)).statusCode, 200);
  });

  test("benchmarks: figures of another region or the whole country are refused; the region's own are stored", async () => {
    const importCsv = (cookie: string, name: string, csv: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/setup/benchmarks?name=${encodeURIComponent(name)}&metric=reports_total`,
        headers: { cookie, "content-type": "text/csv" },
        payload: csv,
      });
    const header = "period,area_code,value\n";
    const series = async () => (await api().get(countryAdmin, "/api/dashboard/benchmarks")).json().series;
    const before = await series();
    for (const csv of [`${header}${year}-01,${districtB.code},5\n`, `${header}${year}-01,,5\n`]) {
      const res = await importCsv(regionAdmin, "Region raid", csv);
      assert.equal(res.statusCode, 403, res.body);
    }
    const demo = before.find((s: { points: { areaId: string | null }[] }) => s.points.some((p) => p.areaId === null));
    assert.ok(demo, "the demo has a country-wide series");
    const replace = await importCsv(regionAdmin, demo.name, `${header}${year}-01,${districtA.code},5\n`);
    assert.equal(replace.statusCode, 403, "a country-wide series is not replaced from a region");
    const del = await api().del(regionAdmin, `/api/setup/benchmarks/${demo.id}`);
    assert.equal(del.statusCode, 403, del.body);
    assert.deepEqual(await series(), before, "nothing changed");

    const own = await importCsv(regionAdmin, "Region A survey", `${header}${year}-01,${districtA.code},5\n`);
    assert.equal(own.statusCode, 201, own.body);
    assert.equal((await api().del(regionAdmin, `/api/setup/benchmarks/${own.json().id}`)).statusCode, 200);
  });

  test("protocols apply country-wide: a region's administrator reads them but does not change them", async () => {
    assert.equal((await api().get(regionAdmin, "/api/setup/protocols")).statusCode, 200);
    const res = await patch(regionAdmin, "/api/setup/protocols/stigma.self", { firstResponseHours: 1 });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().error.code, "COUNTRY_SCOPE_REQUIRED");
    const list = (await api().get(countryAdmin, "/api/setup/protocols")).json().items;
    assert.notEqual(
      list.find((p: { subcategoryCode: string }) => p.subcategoryCode === "stigma.self")?.firstResponseHours,
      1,
    );
    const byCountry = await patch(countryAdmin, "/api/setup/protocols/stigma.self", { firstResponseHours: 24 });
    assert.equal(byCountry.statusCode, 200, byCountry.body);
  });

  test("settings and the country profile are country-wide: a region's administrator changes neither", async () => {
    const settings = await patch(regionAdmin, "/api/settings", { duplicates: { windowDays: 3 } });
    assert.equal(settings.statusCode, 403, settings.body);
    const profile = await patch(regionAdmin, "/api/setup/country-profile", { platformName: "Region A's own" });
    assert.equal(profile.statusCode, 403, profile.body);
    const kept = (await api().get(countryAdmin, "/api/setup/country-profile")).json();
    assert.notEqual(kept.platformName, "Region A's own");
  });

  test("areas and facilities of another region are out of reach (404); the country's own areas too", async () => {
    const theirDistrict = await patch(regionAdmin, `/api/setup/areas/${districtB.id}`, { population: 1 });
    assert.equal(theirDistrict.statusCode, 404, theirDistrict.body);
    const country = areasAll.find((a) => a.parent_id === null)!;
    assert.equal((await patch(regionAdmin, `/api/setup/areas/${country.id}`, { population: 1 })).statusCode, 404);
    assert.equal((await patch(regionAdmin, `/api/setup/areas/${districtA.id}`, { population: 12 })).statusCode, 200);
    const [facility] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM facilities WHERE district_id = ${districtB.id} LIMIT 1`,
    );
    assert.ok(facility, "a facility in the other region");
    assert.equal((await api().get(regionAdmin, `/api/setup/facilities/${facility.id}`)).statusCode, 404);
    assert.equal((await patch(regionAdmin, `/api/setup/facilities/${facility.id}`, { active: false })).statusCode, 404);
  });
});

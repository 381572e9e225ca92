import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

type Area = { id: string; code: string; level: number; parent_id: string | null };

/** What Set-up can change, table by table: a refused request must leave every one of them as it was. */
const setupTables = [
  "teams",
  "team_members",
  "indicator_targets",
  "benchmark_series",
  "benchmark_points",
  "response_protocols",
  "categories",
  "subcategories",
  "challenge_types",
  "key_populations",
  "settings",
  "country_logo",
  "areas",
  "facilities",
] as const;

/**
 * Issue 13 item 7: a region-scoped country administrator changes only what lies in their region; country-wide things
 * (protocols, the taxonomy, the country profile and logo, the geography, country targets and figures) need a
 * country-wide scope and answer 403 `COUNTRY_SCOPE_REQUIRED`; another region's teams and targets read as 404. Each
 * refusal is checked against the database itself: nothing in any Set-up table changed. (The listing rules are in
 * region-admin.attack.test.ts.)
 */
describe("attack: a region's administrator changes only their region", () => {
  let t: TestApp;
  let regionAdmin: string;
  let countryAdmin: string;
  let systemAdmin: string;
  let regionA: Area;
  let regionB: Area;
  let districtA: Area;
  let districtB: Area;
  let country: Area;
  const api = () => staffCalls(t);
  const year = new Date().getUTCFullYear();

  before(async () => {
    t = await createTestApp();
    const areas = await t.database.rows<Area>(sql`SELECT id, code, level, parent_id FROM areas ORDER BY code`);
    country = areas.find((a) => a.level === 0)!;
    regionA = areas.find((a) => a.id === account(t.demoAccounts, "data_manager").scope.areaIds[0])!;
    regionB = areas.find((a) => a.level === 1 && a.id !== regionA.id)!;
    districtA = areas.find((a) => a.parent_id === regionA.id)!;
    districtB = areas.find((a) => a.parent_id === regionB.id)!;
    regionAdmin = await signInAs(t.app, await createStaffAccount(t, "country_admin", { areaIds: [regionA.id] }));
    countryAdmin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    systemAdmin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
  });
  after(async () => t.close());

  /** One fingerprint per Set-up table: every row's every column. */
  const snapshot = async () => {
    const out: Record<string, string | null> = {};
    for (const table of setupTables) {
      const [row] = await t.database.rows<{ h: string | null }>(
        sql`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${sql.identifier(table)} x`,
      );
      out[table] = row?.h ?? null;
    }
    return out;
  };
  const send = (cookie: string, method: "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: { cookie }, payload: payload as object | undefined });
  const expectRefused = async (
    what: string,
    res: { statusCode: number; body: string; json: () => { error?: { code?: string } } },
    status: 403 | 404,
  ) => {
    assert.equal(res.statusCode, status, `${what}: ${res.body}`);
    assert.equal(res.json().error?.code, status === 403 ? "COUNTRY_SCOPE_REQUIRED" : "NOT_FOUND", what);
  };
  const demoTeamIn = async (region: Area) => {
    const [row] = await t.database.rows<{ id: string }>(sql`
      SELECT t.id FROM teams t
      WHERE t.scope_area_ids && (SELECT array_agg(id) FROM areas WHERE id = ${region.id}::uuid OR ${region.id}::uuid = ANY(ancestor_ids))
      LIMIT 1`);
    return row?.id;
  };

  test("country-wide things and other regions' teams and targets are refused, and nothing changes", async () => {
    const teamB = await demoTeamIn(regionB);
    assert.ok(teamB, "the demo has a team in the other region");
    const countryTarget = await send(countryAdmin, "PUT", "/api/setup/targets", {
      metric: "reports_total",
      periodType: "year",
      periodStart: `${year + 2}-01-01`,
      areaId: null,
      value: 70,
    });
    assert.equal(countryTarget.statusCode, 200, countryTarget.body);
    const [taxonomyItem] = (await api().get(countryAdmin, "/api/setup/taxonomy")).json().items as { code: string }[];
    assert.ok(taxonomyItem, "the demo has a taxonomy");
    const sheet = await t.app.inject({
      method: "GET",
      url: "/api/setup/taxonomy/export",
      headers: { cookie: countryAdmin },
    });
    assert.equal(sheet.statusCode, 200);
    const protocolsBefore = (await api().get(countryAdmin, "/api/setup/protocols")).json();

    const was = await snapshot();
    const target = (areaId: string | null) => ({
      metric: "reports_total",
      periodType: "year",
      periodStart: `${year + 2}-01-01`,
      areaId,
      value: 5,
    });
    const refused: [string, Promise<Parameters<typeof expectRefused>[1]>, 403 | 404][] = [
      ["country target", send(regionAdmin, "PUT", "/api/setup/targets", target(null)), 403],
      ["country target via the root area", send(regionAdmin, "PUT", "/api/setup/targets", target(country.id)), 403],
      ["other region's target", send(regionAdmin, "PUT", "/api/setup/targets", target(districtB.id)), 404],
      ["delete the country target", send(regionAdmin, "DELETE", `/api/setup/targets/${countryTarget.json().id}`), 404],
      [
        "team in the other region",
        send(regionAdmin, "POST", "/api/teams", { name: "Raid", scopeAreaIds: [districtB.id] }),
        404,
      ],
      [
        "team across both regions",
        send(regionAdmin, "POST", "/api/teams", { name: "Raid", scopeAreaIds: [districtA.id, districtB.id] }),
        404,
      ],
      [
        "team over the whole country",
        send(regionAdmin, "POST", "/api/teams", { name: "Raid", scopeAreaIds: [country.id] }),
        404,
      ],
      ["rename the other region's team", send(regionAdmin, "PATCH", `/api/teams/${teamB}`, { name: "Mine now" }), 404],
      ["protocol", send(regionAdmin, "PATCH", "/api/setup/protocols/stigma.self", { firstResponseHours: 1 }), 403],
      [
        "new taxonomy item",
        send(regionAdmin, "POST", "/api/setup/taxonomy", {
          parentCode: null,
          code: "region_raid",
          labels: { en: "Raid" },
        }),
        403,
      ],
      [
        "edit a taxonomy item",
        send(regionAdmin, "PATCH", `/api/setup/taxonomy/${taxonomyItem.code}`, { labels: { en: "Renamed" } }),
        403,
      ],
      [
        "taxonomy import",
        send(regionAdmin, "POST", "/api/setup/taxonomy/import", {
          format: "xlsx",
          data: sheet.rawPayload.toString("base64"),
        }),
        403,
      ],
      [
        "country profile",
        send(regionAdmin, "PATCH", "/api/setup/country-profile", { platformName: "Region A's own" }),
        403,
      ],
      [
        "country logo",
        t.app.inject({
          method: "PUT",
          url: "/api/setup/country-profile/logo",
          headers: { cookie: regionAdmin, "content-type": "image/png" },
          payload: Buffer.from("89504e470d0a1a0a", "hex"),
        }),
        403,
      ],
      [
        "country-wide benchmark figures",
        t.app.inject({
          method: "POST",
          url: "/api/setup/benchmarks?name=Raid&metric=reports_total",
          headers: { cookie: regionAdmin, "content-type": "text/csv" },
          payload: `period,area_code,value\n${year}-01,,5\n`,
        }),
        403,
      ],
    ];
    for (const [what, res, status] of refused) await expectRefused(what, await res, status);
    // Settings are a system administrator's (security:manage): refused before any scope question.
    const settings = await send(regionAdmin, "PATCH", "/api/settings", { duplicates: { windowDays: 3 } });
    assert.equal(settings.statusCode, 403, settings.body);
    assert.deepEqual(await snapshot(), was, "no Set-up table changed");
    assert.deepEqual((await api().get(countryAdmin, "/api/setup/protocols")).json(), protocolsBefore);
  });

  test("inside their region the same administrator changes teams and targets", async () => {
    const team = await send(regionAdmin, "POST", "/api/teams", {
      name: "Region A outreach",
      scopeAreaIds: [districtA.id],
    });
    assert.equal(team.statusCode, 201, team.body);
    const renamed = await send(regionAdmin, "PATCH", `/api/teams/${team.json().id}`, { name: "Region A outreach 2" });
    assert.equal(renamed.statusCode, 200, renamed.body);
    const target = await send(regionAdmin, "PUT", "/api/setup/targets", {
      metric: "reports_total",
      periodType: "year",
      periodStart: `${year + 2}-01-01`,
      areaId: regionA.id,
      value: 9,
    });
    assert.equal(target.statusCode, 200, target.body);
    const [stored] = await t.database.rows<{ value: number }>(
      sql`SELECT value FROM indicator_targets WHERE id = ${target.json().id}::uuid`,
    );
    assert.equal(Number(stored?.value), 9);
    const [teamRow] = await t.database.rows<{ name: string }>(
      sql`SELECT name FROM teams WHERE id = ${team.json().id}::uuid`,
    );
    assert.equal(teamRow?.name, "Region A outreach 2");
  });

  test("a country-wide administrator and a system administrator still change country-wide things", async () => {
    for (const cookie of [countryAdmin, systemAdmin]) {
      const protocol = await send(cookie, "PATCH", "/api/setup/protocols/stigma.self", { firstResponseHours: 30 });
      assert.equal(protocol.statusCode, 200, protocol.body);
      const target = await send(cookie, "PUT", "/api/setup/targets", {
        metric: "reports_total",
        periodType: "year",
        periodStart: `${year + 3}-01-01`,
        areaId: null,
        value: 11,
      });
      assert.equal(target.statusCode, 200, target.body);
      const team = await send(cookie, "POST", "/api/teams", {
        name: `Two regions ${cookie === countryAdmin ? "C" : "S"}`,
        scopeAreaIds: [districtA.id, districtB.id],
      });
      assert.equal(team.statusCode, 201, team.body);
    }
  });
});

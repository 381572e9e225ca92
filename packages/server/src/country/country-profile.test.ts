import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000dIHDR", "latin1"),
  Buffer.alloc(40),
]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("country profile and set-up checklist", () => {
  let t: TestApp;
  let admin: string;
  before(async () => {
    t = await createTestApp();
    admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
  });
  after(async () => t.close());

  const patch = (payload: unknown, cookie = admin) =>
    t.app.inject({
      method: "PATCH",
      url: "/api/setup/country-profile",
      headers: { cookie },
      payload: payload as object,
    });
  const putLogo = (body: Buffer, type: string) =>
    t.app.inject({
      method: "PUT",
      url: "/api/setup/country-profile/logo",
      headers: { cookie: admin, "content-type": type },
      payload: body,
    });
  const publicConfig = async () => (await t.app.inject({ method: "GET", url: "/api/config?lang=en" })).json();

  test("a country administrator changes the profile; the public config follows and the audit keeps before and after", async () => {
    const res = await patch({
      names: { en: "Mozambique", pt: "Moçambique" },
      code: "MZ",
      timeZone: "Africa/Maputo",
      offeredLanguages: ["en", "pt"],
      defaultLanguage: "pt",
      platformName: "CLM Moçambique",
      colours: { brand: "#7A1F5C", brandStrong: "#4d1239" },
      modules: { forum: false },
    });
    assert.equal(res.statusCode, 200, res.body);
    const profile = res.json();
    assert.equal(profile.callingCode, "+258");
    assert.deepEqual(profile.offeredLanguages, ["en", "pt"]);
    assert.equal(profile.colours.brand, "#7a1f5c");
    assert.deepEqual(profile.modules, { rights: true, information: true, nearMe: true, forum: false });

    const config = await publicConfig();
    assert.equal(config.platformName, "CLM Moçambique");
    assert.equal(config.country.name, "Mozambique");
    assert.equal(config.timeZone, "Africa/Maputo");
    assert.equal(config.modules.forum, false);
    assert.equal(config.branding.colours.brand, "#7a1f5c");
    assert.deepEqual(
      config.languages.map((l: { code: string; isDefault: boolean }) => [l.code, l.isDefault]),
      [
        ["en", false],
        ["pt", true],
      ],
    );

    const [row] = await t.database.rows<{
      details: { before: { platformName: string }; after: { platformName: string } };
    }>(sql`SELECT details FROM audit_events WHERE action = 'country_profile.update' ORDER BY seq DESC LIMIT 1`);
    assert.notEqual(row!.details.before.platformName, "CLM Moçambique");
    assert.equal(row!.details.after.platformName, "CLM Moçambique");
  });

  test("refuses what would not work, naming the field, and changes nothing", async () => {
    const before = (
      await t.app.inject({ method: "GET", url: "/api/setup/country-profile", headers: { cookie: admin } })
    ).json();
    const cases: [unknown, string][] = [
      [{ colours: { brand: "#f0c040", brandStrong: "#4d1239" } }, "colours.brand"],
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ code: "QQ" }, "code"],
      [{ offeredLanguages: ["en", "xx"] }, "offeredLanguages"],
      [{ offeredLanguages: ["en"], defaultLanguage: "pt" }, "defaultLanguage"],
    ];
    for (const [body, field] of cases) {
      const res = await patch(body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.equal(res.json().error.details.field, field);
    }
    const afterAll = (
      await t.app.inject({ method: "GET", url: "/api/setup/country-profile", headers: { cookie: admin } })
    ).json();
    assert.deepEqual(afterAll, before);
  });

  test("a region's administrator may read the profile but not change it", async () => {
    const region = account(t.demoAccounts, "data_manager").scope.areaIds;
    const regional = await signInAs(t.app, await createStaffAccount(t, "country_admin", { areaIds: region }));
    const read = await t.app.inject({
      method: "GET",
      url: "/api/setup/country-profile",
      headers: { cookie: regional },
    });
    assert.equal(read.statusCode, 200);
    const write = await patch({ platformName: "Mine now" }, regional);
    assert.equal(write.statusCode, 403);
    assert.equal(write.json().error.code, "COUNTRY_SCOPE_REQUIRED");
  });

  test("a logo is a checked raster image, served by the platform; SVG and disguised files are refused", async () => {
    assert.equal((await putLogo(SVG, "image/svg+xml")).statusCode, 415);
    assert.equal((await putLogo(SVG, "image/png")).statusCode, 415, "bytes that are not what the type says");
    assert.equal((await putLogo(PNG, "image/jpeg")).statusCode, 415);
    const big = Buffer.concat([PNG, Buffer.alloc(300 * 1024)]);
    assert.equal((await putLogo(big, "image/png")).statusCode, 413);
    assert.equal((await publicConfig()).branding.logoUrl, null);

    const ok = await putLogo(PNG, "image/png");
    assert.equal(ok.statusCode, 200, ok.body);
    const url = (await publicConfig()).branding.logoUrl as string;
    assert.match(url, /^\/api\/branding\/logo\?v=[0-9a-f]{16}$/);
    const served = await t.app.inject({ method: "GET", url });
    assert.equal(served.statusCode, 200);
    assert.equal(served.headers["content-type"], "image/png");
    assert.match(String(served.headers["content-security-policy"]), /sandbox/);
    assert.deepEqual(served.rawPayload, PNG);
    const again = await t.app.inject({ method: "GET", url, headers: { "if-none-match": String(served.headers.etag) } });
    assert.equal(again.statusCode, 304);
  });

  test("the checklist reads what exists", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/setup/checklist", headers: { cookie: admin } });
    assert.equal(res.statusCode, 200);
    const steps = Object.fromEntries(
      res.json().steps.map((s: { id: string; done: boolean; counts: Record<string, number> }) => [s.id, s]),
    );
    assert.equal(steps.countryProfile.done, true, "saved above with a name and a code");
    assert.equal(steps.languages.done, true);
    assert.equal(steps.geography.done, true);
    assert.ok(steps.geography.counts.districts > 0);
    assert.equal(steps.facilities.done, true);
    assert.equal(steps.staff.done, true);

    // No active data manager: the staff step is to do again.
    await t.database.db.execute(sql`UPDATE staff_users SET disabled_at = now() WHERE role = 'data_manager'`);
    const later = await t.app.inject({ method: "GET", url: "/api/setup/checklist", headers: { cookie: admin } });
    const staff = later.json().steps.find((s: { id: string }) => s.id === "staff");
    assert.deepEqual([staff.done, staff.counts.dataManagers], [false, 0]);
    assert.equal(later.json().complete, false);
  });
});

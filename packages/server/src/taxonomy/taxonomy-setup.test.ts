import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { reportPayload, staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { createStaffAccount } from "../testing/staff-factory.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

// Issue 13 item 5: a country adapts the challenge taxonomy and the key-population list in Set-up.

let t: TestApp;
let admin: string;
let api: ReturnType<typeof staffCalls>;
let district: string;

before(async () => {
  t = await createTestApp();
  api = staffCalls(t);
  admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
  district = account(t.demoAccounts, "first_responder").scope.districtIds[0] ?? "";
});
after(async () => t.close());

const SUB = "health_services.availability";

type Config = {
  taxonomy: {
    code: string;
    label: string;
    subcategories: { code: string; challengeTypes: { code: string; label: string }[] }[];
  }[];
  keyPopulations: { code: string; label: string }[];
  retired: { code: string; label: string }[];
  questions: Record<string, boolean>;
};
const config = async (lang = "en"): Promise<Config> =>
  (await t.app.inject({ method: "GET", url: `/api/config?lang=${lang}` })).json();
const offeredTypes = async (lang = "en") =>
  (await config(lang)).taxonomy.flatMap((c) => c.subcategories).find((s) => s.code === SUB)?.challengeTypes ?? [];
const setupItems = async () => (await api.get(admin, "/api/setup/taxonomy")).json().items as { code: string }[];
const submitWith = (challengeTypes: string[], extra: Record<string, unknown> = {}) =>
  t.app.inject({
    method: "POST",
    url: "/api/reports",
    payload: reportPayload(district, { subcategoryCode: SUB, challengeTypes, ...extra }),
  });
const auditOf = async (code: string) =>
  t.database.rows<{ action: string; details: { before: unknown; after: unknown } }>(
    sql`SELECT action, details FROM audit_events WHERE entity = 'taxonomy_item' AND entity_id = ${code} ORDER BY seq`,
  );

test("a challenge type added in two languages is offered in both and accepted at once; audited", async () => {
  const res = await api.post(admin, "/api/setup/taxonomy", {
    parentCode: SUB,
    code: "no_xray_film",
    labels: { en: "No X-ray film", fr: "Pas de film radiographique" },
  });
  assert.equal(res.statusCode, 201, res.body);
  assert.equal(res.json().kind, "challenge_type");
  assert.equal((await offeredTypes("en")).at(-1)?.label, "No X-ray film");
  assert.equal((await offeredTypes("fr")).at(-1)?.label, "Pas de film radiographique");
  assert.equal((await submitWith(["no_xray_film"])).statusCode, 201);
  const [row] = await auditOf("no_xray_film");
  assert.equal(row?.action, "taxonomy.create");
  assert.equal(row?.details.before, null);
  assert.deepEqual((row?.details.after as { labels: unknown } | undefined)?.labels, {
    en: "No X-ray film",
    fr: "Pas de film radiographique",
  });
});

test("a code no report uses can be corrected; once a report uses it, it cannot (409 CODE_IN_USE)", async () => {
  await api.post(admin, "/api/setup/taxonomy", { parentCode: SUB, code: "no_sputm_cups", labels: { en: "No cups" } });
  const fixed = await api.patch(admin, "/api/setup/taxonomy/no_sputm_cups", { code: "no_sputum_cups" });
  assert.equal(fixed.statusCode, 200, fixed.body);
  assert.ok((await offeredTypes()).some((c) => c.code === "no_sputum_cups"));
  assert.ok(!(await offeredTypes()).some((c) => c.code === "no_sputm_cups"));
  assert.equal((await submitWith(["no_sputum_cups"])).statusCode, 201);
  const refused = await api.patch(admin, "/api/setup/taxonomy/no_sputum_cups", { code: "sputum_cups" });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, "CODE_IN_USE");
  assert.ok(
    (await offeredTypes()).some((c) => c.code === "no_sputum_cups"),
    "unchanged",
  );
  const used = (await api.get(admin, "/api/setup/taxonomy"))
    .json()
    .items.find((i: { code: string }) => i.code === "no_sputum_cups");
  assert.equal(used.inUse, true, "Set-up shows that reports use it");
});

test("retiring hides an item from the report flow and intake, but old reports still name it", async () => {
  await api.post(admin, "/api/setup/taxonomy", { parentCode: SUB, code: "old_problem", labels: { en: "Old problem" } });
  const old = await submitReport(t, district, { subcategoryCode: SUB, challengeTypes: ["old_problem"] });
  const res = await api.patch(admin, "/api/setup/taxonomy/old_problem", { active: false });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().active, false);
  assert.ok(!(await offeredTypes()).some((c) => c.code === "old_problem"), "no longer offered");
  const refused = await submitWith(["old_problem"]);
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().error.code, "UNKNOWN_CHALLENGE_TYPE");
  assert.deepEqual(
    (await config()).retired.find((r) => r.code === "old_problem"),
    { code: "old_problem", label: "Old problem" },
    "the app and inbox can still name it",
  );
  const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
  assert.deepEqual((await api.get(dm, `/api/inbox/reports/${old.id}`)).json().challengeTypes, ["old_problem"]);
  const [, retired] = await auditOf("old_problem");
  assert.equal(retired?.action, "taxonomy.update");
  assert.equal((retired?.details.before as { active: boolean } | undefined)?.active, true);
  assert.equal((retired?.details.after as { active: boolean } | undefined)?.active, false);
  const restored = await api.patch(admin, "/api/setup/taxonomy/old_problem", { active: true });
  assert.equal(restored.statusCode, 200);
  assert.ok(
    (await offeredTypes()).some((c) => c.code === "old_problem"),
    "restored",
  );
});

test("labels are translated per language and items move among their siblings", async () => {
  const res = await api.patch(admin, "/api/setup/taxonomy/no_xray_film", {
    labels: { pt: "Sem película de raio-X" },
    order: 0,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().labels, {
    en: "No X-ray film",
    fr: "Pas de film radiographique",
    pt: "Sem película de raio-X",
  });
  const types = await offeredTypes("pt");
  assert.equal(types[0]?.code, "no_xray_film", "first now");
  assert.equal(types[0]?.label, "Sem película de raio-X");
  assert.equal(new Set(types.map((c) => c.code)).size, types.length);
});

test("categories, subcategories and key populations are added and retired the same way", async () => {
  const cat = await api.post(admin, "/api/setup/taxonomy", {
    parentCode: null,
    code: "housing",
    labels: { en: "Housing" },
    descriptions: { en: "Where I live" },
  });
  assert.equal(cat.statusCode, 201, cat.body);
  const sub = await api.post(admin, "/api/setup/taxonomy", {
    parentCode: "housing",
    code: "housing.eviction",
    labels: { en: "Eviction" },
  });
  assert.equal(sub.json().kind, "subcategory");
  const housing = (await config()).taxonomy.find((c) => c.code === "housing");
  assert.equal(housing?.subcategories[0]?.code, "housing.eviction");
  const kp = await api.post(admin, "/api/setup/taxonomy", {
    parentCode: null,
    list: "key_populations",
    code: "sex_worker",
    labels: { en: "Sex worker", fr: "Travailleuse ou travailleur du sexe" },
  });
  assert.equal(kp.statusCode, 201, kp.body);
  assert.equal(kp.json().kind, "key_population");
  assert.deepEqual((await config("fr")).keyPopulations.at(-1), {
    code: "sex_worker",
    label: "Travailleuse ou travailleur du sexe",
  });
  await api.patch(admin, "/api/setup/taxonomy/miner", { active: false });
  assert.ok(!(await config()).keyPopulations.some((k) => k.code === "miner"));
  await api.patch(admin, "/api/setup/taxonomy/housing", { active: false });
  assert.ok(!(await config()).taxonomy.some((c) => c.code === "housing"));
  assert.ok(
    (await config()).retired.some((r) => r.code === "housing.eviction"),
    "its subcategory goes with it",
  );
});

test("bad input is refused with a clear code, and nothing changes", async () => {
  const before = await setupItems();
  const cases: [unknown, number, string][] = [
    [{ parentCode: SUB, code: "x1", labels: { fr: "Seulement en français" } }, 400, "VALIDATION_FAILED"],
    [{ parentCode: SUB, code: "x2", labels: { en: "A", xx: "B" } }, 400, "VALIDATION_FAILED"],
    [{ parentCode: "no.such.parent", code: "x3", labels: { en: "A" } }, 400, "VALIDATION_FAILED"],
    [{ parentCode: "no_xray_film", code: "x4", labels: { en: "A" } }, 400, "VALIDATION_FAILED"],
    [{ parentCode: "rights", list: "key_populations", code: "x5", labels: { en: "A" } }, 400, "VALIDATION_FAILED"],
    [{ parentCode: SUB, code: "Bad Code", labels: { en: "A" } }, 400, "VALIDATION_FAILED"],
    [{ parentCode: SUB, code: "x6", labels: { en: "  " } }, 400, "VALIDATION_FAILED"],
    [{ parentCode: SUB, code: "x7", labels: { en: "A" }, descriptions: { en: "D" } }, 400, "VALIDATION_FAILED"],
    [{ parentCode: SUB, code: "stigma", labels: { en: "Taken" } }, 409, "CODE_TAKEN"],
  ];
  for (const [body, status, code] of cases) {
    const res = await api.post(admin, "/api/setup/taxonomy", body);
    assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
    assert.equal(res.json().error.code, code);
  }
  for (const body of [{}, { labels: { en: "" } }, { order: -1 }, { code: "rights.health" }, { active: "no" }]) {
    const res = await api.patch(admin, "/api/setup/taxonomy/no_xray_film", body);
    assert.ok([400, 409].includes(res.statusCode), `${JSON.stringify(body)}: ${res.body}`);
  }
  assert.equal((await api.patch(admin, "/api/setup/taxonomy/no_such_code", { active: false })).statusCode, 404);
  assert.deepEqual(await setupItems(), before);
});

test("a region's administrator and a data manager may not change the taxonomy", async () => {
  const region = account(t.demoAccounts, "data_manager").scope.areaIds[0] ?? "";
  const regionAdmin = await signInAs(t.app, await createStaffAccount(t, "country_admin", { areaIds: [region] }));
  const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
  const body = { parentCode: SUB, code: "region_try", labels: { en: "Try" } };
  for (const cookie of [regionAdmin, dm]) {
    assert.equal((await api.post(cookie, "/api/setup/taxonomy", body)).statusCode, 403);
    assert.equal((await api.patch(cookie, "/api/setup/taxonomy/no_xray_film", { active: false })).statusCode, 403);
  }
  assert.ok(!(await setupItems()).some((i) => i.code === "region_try"));
});

test("a change made by another process reaches this one's intake at once (NOTIFY report_lookups)", async () => {
  await api.post(admin, "/api/setup/taxonomy", { parentCode: SUB, code: "elsewhere", labels: { en: "Elsewhere" } });
  assert.equal((await submitWith(["elsewhere"])).statusCode, 201, "held in this process's lookups now");
  const heard = new Promise<void>((resolve) => {
    void t.database.listen("report_lookups", () => resolve());
  });
  // What another process's updateTaxonomyItem commits: the row change and the notification, in one transaction.
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE challenge_types SET active = false WHERE code = 'elsewhere'`);
    await tx.execute(sql`SELECT pg_notify('report_lookups', '')`);
  });
  await heard;
  assert.equal((await submitWith(["elsewhere"])).statusCode, 400, "refused without waiting for the cache to expire");
});

test("which optional questions the report flow asks is a setting the app reads", async () => {
  assert.deepEqual((await config()).questions, {
    gender: true,
    ageGroup: true,
    keyPopulations: true,
    facility: true,
    occurredOn: true,
  });
  const sysadmin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
  const off = { gender: false, ageGroup: true, keyPopulations: false, facility: true, occurredOn: false };
  const res = await api.patch(sysadmin, "/api/settings", { reportQuestions: off });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual((await config()).questions, off);
  assert.equal((await api.patch(sysadmin, "/api/settings", { reportQuestions: { gender: false } })).statusCode, 400);
  const [row] = await t.database.rows<{ details: { before: unknown; after: unknown } }>(
    sql`SELECT details FROM audit_events WHERE action = 'settings.update' AND entity_id = 'reports.questions'`,
  );
  assert.deepEqual(row?.details.after, off);
});

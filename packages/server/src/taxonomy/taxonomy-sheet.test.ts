import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import readXlsxFile from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";

// Issue 13 item 5: the taxonomy goes out to translators and ODK users as an XLSForm-style spreadsheet and comes back.

let t: TestApp;
let admin: string;
let api: ReturnType<typeof staffCalls>;

before(async () => {
  t = await createTestApp();
  api = staffCalls(t);
  admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
  // A report uses these codes from now on: they may be retired but never removed or moved.
  const district = account(t.demoAccounts, "first_responder").scope.districtIds[0] ?? "";
  await submitReport(t, district, {
    subcategoryCode: "health_services.availability",
    challengeTypes: ["no_medicines_in_stock"],
    keyPopulations: ["miner"],
  });
});
after(async () => t.close());

type Cell = string | number | boolean | null;

async function exported(): Promise<Cell[][]> {
  const res = await api.get(admin, "/api/setup/taxonomy/export");
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers["content-type"]), /spreadsheetml/);
  const sheets = await readXlsxFile(res.rawPayload);
  assert.deepEqual(
    sheets.map((s) => s.sheet),
    ["choices", "settings"],
  );
  return sheets[0]!.data as Cell[][];
}

async function xlsx(rows: Cell[][], sheet = "choices"): Promise<string> {
  const data = rows.map((r) => r.map((v) => (v === null || v === "" ? null : { value: String(v) })));
  return (await writeXlsxFile([{ sheet, data }]).toBuffer()).toString("base64");
}

const importSheet = (data: string, dryRun = false) =>
  api.post(admin, "/api/setup/taxonomy/import", { format: "xlsx", data, dryRun });
const setup = async () => (await api.get(admin, "/api/setup/taxonomy")).json();

/** A copy of the exported sheet with `change` applied to the rows (the header is row 0). */
async function edited(change: (rows: Cell[][], col: (name: string) => number) => void): Promise<Cell[][]> {
  const rows = (await exported()).map((r) => [...r]);
  const header = rows[0] as string[];
  change(rows, (name) => header.indexOf(name));
  return rows;
}

test("the export is an XLSForm choices sheet: list_name, name, label::<lang> per language, parent, retired", async () => {
  const rows = await exported();
  const header = rows[0] as string[];
  for (const c of ["list_name", "name", "label::English (en)", "label::Français (fr)", "parent", "retired", "in_use"]) {
    assert.ok(header.includes(c), `column ${c}`);
  }
  const row = (code: string) => rows.find((r) => r[header.indexOf("name")] === code)!;
  const type = row("no_medicines_in_stock");
  assert.equal(type[header.indexOf("list_name")], "challenge_type");
  assert.equal(type[header.indexOf("parent")], "health_services.availability");
  assert.equal(type[header.indexOf("in_use")], "yes");
  assert.equal(row("rights")[header.indexOf("list_name")], "category");
  assert.equal(row("miner")[header.indexOf("list_name")], "key_population");
  assert.equal(rows.length - 1, (await setup()).items.length, "one row per item");
});

test("round trip: a dry run counts and changes nothing; the import adds, translates, retires and reorders", async () => {
  const rows = await edited((r, col) => {
    const at = (code: string) => r.findIndex((x) => x[col("name")] === code);
    r[at("rights.health")]![col("label::Français (fr)")] = "Droit à la santé (révisé)";
    r[at("no_medicines_in_stock")]![col("retired")] = "yes";
    const newRow: Cell[] = r[0]!.map(() => null);
    newRow[col("list_name")] = "challenge_type";
    newRow[col("name")] = "no_gloves";
    newRow[col("parent")] = "health_services.availability";
    newRow[col("label::English (en)")] = "No gloves";
    newRow[col("label::Português (pt)")] = "Sem luvas";
    // Right after the parent's first type: the sheet's row order is the order.
    r.splice(at("no_medicines_in_stock"), 0, newRow);
  });
  const data = await xlsx(rows);
  const beforeItems = (await setup()).items;
  // rights.health gets a new label; every other type of the subcategory moves down one place.
  const siblings = beforeItems.filter((i: { parentCode: string }) => i.parentCode === "health_services.availability");
  const counts = { created: 1, updated: 1 + siblings.length - 1, retired: 1, removed: 0 };
  const dry = await importSheet(data, true);
  assert.equal(dry.statusCode, 200, dry.body);
  assert.deepEqual(dry.json(), { dryRun: true, ...counts });
  assert.deepEqual((await setup()).items, beforeItems, "a dry run changes nothing");

  const res = await importSheet(data);
  assert.deepEqual(res.json(), { dryRun: false, ...counts });
  const fr = (await (await t.app.inject({ method: "GET", url: "/api/config?lang=pt" })).json()) as {
    taxonomy: { subcategories: { code: string; challengeTypes: { code: string; label: string }[] }[] }[];
  };
  const availability = fr.taxonomy
    .flatMap((c) => c.subcategories)
    .find((s) => s.code === "health_services.availability");
  assert.deepEqual(availability?.challengeTypes[0], { code: "no_gloves", label: "Sem luvas" });
  assert.ok(!availability?.challengeTypes.some((c) => c.code === "no_medicines_in_stock"), "retired");
  const health = (await setup()).items.find((i: { code: string }) => i.code === "rights.health");
  assert.equal(health.labels.fr, "Droit à la santé (révisé)");
  assert.ok(health.labels.en, "languages the sheet has columns for are replaced, the others kept");

  const again = await importSheet(await xlsx(await exported()), true);
  assert.deepEqual(again.json(), { dryRun: true, created: 0, updated: 0, retired: 0, removed: 0 }, "stable");
});

test("every problem is listed by sheet row, and nothing is applied", async () => {
  const beforeItems = (await setup()).items;
  const rows = await edited((r, col) => {
    const at = (code: string) => r.findIndex((x) => x[col("name")] === code);
    const blank = () => r[0]!.map(() => null) as Cell[];
    const add = (list: string, code: string, parent: string | null, label: string | null) => {
      const row = blank();
      row[col("list_name")] = list;
      row[col("name")] = code;
      row[col("parent")] = parent;
      row[col("label::English (en)")] = label;
      r.push(row);
    };
    add("challenge_type", "orphan", "no.such.subcategory", "Orphan"); // unknown parent
    add("challenge_type", "no_gloves", "health_services.availability", "Twice"); // duplicate code
    add("challenge_type", "unlabelled", "health_services.availability", null); // no default-language label
    add("choice", "odd_list", null, "Odd"); // unknown list_name
    r[at("health_services.availability")]![col("parent")] = "stigma"; // moves a code in use
    r.splice(at("miner"), 1); // leaves out a code in use
  });
  const res = await importSheet(await xlsx(rows), true);
  assert.equal(res.statusCode, 400, res.body);
  const problems = res.json().error.details as { sheet: string; row: number; problem: string; message: string }[];
  const n = rows.length;
  const rowOf = (code: string) => rows.findIndex((r) => r.includes(code)) + 1;
  const has = (problem: string, row: number) =>
    assert.ok(
      problems.some((p) => p.problem === problem && p.row === row && p.sheet === "choices"),
      `${problem} at row ${row}: ${JSON.stringify(problems)}`,
    );
  has("unknown_parent", n - 3);
  has("duplicate_code", n - 2);
  has("missing_label", n - 1);
  has("list_name", n);
  has("code_in_use", rowOf("health_services.availability"));
  assert.ok(
    problems.some((p) => p.problem === "code_in_use" && p.message.includes("miner")),
    "left-out code named",
  );
  assert.deepEqual((await setup()).items, beforeItems, "nothing applied");
  assert.equal((await importSheet(await xlsx(rows))).statusCode, 400, "nor without dryRun");
  assert.deepEqual((await setup()).items, beforeItems);
});

test("a file that is not the taxonomy sheet is refused as a whole", async () => {
  const cases: [string, string][] = [
    [Buffer.from("list_name,name\ncategory,rights\n").toString("base64"), "file"],
    [await xlsx([["list_name", "name", "label::English (en)"]], "survey"), "file"],
    [await xlsx([["list_name", "label::English (en)"]]), "columns"],
    [await xlsx([["list_name", "name", "label::Klingon (tlh)", "label::English (en)"]]), "columns"],
    [await xlsx([["list_name", "name", "label::Français (fr)"]]), "columns"],
  ];
  for (const [data, problem] of cases) {
    const res = await importSheet(data, true);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.details[0].problem, problem, res.body);
  }
});

test("a code no report uses can be left out (it is removed) or renamed through the sheet", async () => {
  const rows = await edited((r, col) => {
    const at = (code: string) => r.findIndex((x) => x[col("name")] === code);
    r[at("no_gloves")]![col("name")] = "no_surgical_gloves";
  });
  const res = await importSheet(await xlsx(rows));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json(), { dryRun: false, created: 1, updated: 0, retired: 0, removed: 1 });
  const codes = (await setup()).items.map((i: { code: string }) => i.code);
  assert.ok(codes.includes("no_surgical_gloves") && !codes.includes("no_gloves"));
});

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { fontsDir } from "../paths.js";
import { type Ctx, systemCtx } from "../platform/context.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { lineLetters, PDFTOPPM, pdfPages } from "../testing/pdf-pages.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { renderFactsheetPdf } from "./factsheet.pdf.js";
import { getFactsheetData } from "./factsheet.service.js";

/** The document title from the PDF's info dictionary (a literal string, UTF-16 when not plain Latin). */
function pdfTitle(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const ref = raw.match(/\/Title (\d+) 0 R/);
  const at = ref ? raw.indexOf(`\n${ref[1]} 0 obj\n(`) + `\n${ref[1]} 0 obj\n(`.length : raw.indexOf("/Title (") + 8;
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = at; raw[i] !== ")"; i++) {
    if (raw[i] !== "\\") {
      bytes.push(raw.charCodeAt(i));
      continue;
    }
    const next = raw[++i]!;
    const octal = raw.slice(i).match(/^[0-7]{1,3}/)?.[0];
    if (octal) {
      bytes.push(Number.parseInt(octal, 8));
      i += octal.length - 1;
    } else bytes.push(escapes[next] ?? next.charCodeAt(0));
  }
  const buf = Buffer.from(bytes);
  if (buf[0] === 0xfe && buf[1] === 0xff) return buf.subarray(2).swap16().toString("utf16le");
  return buf.toString("latin1");
}

/** Text drawn in Helvetica: pdfkit writes it as hex WinAnsi codes, readable when streams are not compressed. */
function helveticaText(pdf: Buffer): string {
  return [...pdf.toString("latin1").matchAll(/<([0-9a-f]+)>/g)]
    .map((m) => Buffer.from(m[1]!, "hex").toString("latin1"))
    .join("");
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

describe("factsheet", () => {
  let t: TestApp;
  let api: ReturnType<typeof staffCalls>;
  let analyst: string;
  let dataManager: string;
  let regionA: { id: string; code: string; names: Record<string, string> };
  let regionB: { id: string; code: string; names: Record<string, string> };
  // The last closed calendar quarter (a factsheet is published: one calendar month, quarter or year); the demo's
  // reports span the past year.
  const now = new Date();
  const quarterStart = now.getUTCMonth() - (now.getUTCMonth() % 3);
  const from = iso(new Date(Date.UTC(now.getUTCFullYear(), quarterStart - 3, 1)));
  const to = iso(new Date(Date.UTC(now.getUTCFullYear(), quarterStart, 0)));

  before(async () => {
    t = await createTestApp();
    api = staffCalls(t);
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    dataManager = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    [regionA, regionB] = (await t.database.rows(
      sql`SELECT id, code, names FROM areas WHERE level = 1 ORDER BY code`,
    )) as [typeof regionA, typeof regionB];
  });
  after(async () => t.close());

  /** The analyst as a service context (the factsheet model is read directly). */
  async function analystCtx(): Promise<Ctx> {
    const [analystRow] = await t.database.rows<{ id: string; scope_area_ids: string[] }>(
      sql`SELECT id, scope_area_ids FROM staff_users WHERE role = 'analyst'`,
    );
    return {
      ...systemCtx(t.app.services),
      actor: {
        type: "staff",
        userId: analystRow!.id,
        role: "analyst",
        email: "analyst@demo.openclm.org",
        scopeAreaIds: analystRow!.scope_area_ids,
        scopeFacilityIds: [],
        sessionHash: "test",
        stage: "full",
      },
    };
  }

  test("answers a PDF attachment titled with the area and period in the chosen language", async () => {
    const res = await api.get(analyst, `/api/dashboard/factsheet?from=${from}&to=${to}&areaId=${regionA.id}&lang=fr`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.match(
      String(res.headers["content-disposition"]),
      new RegExp(`^attachment; filename=".*${from}-${to}.*\\.pdf"$`),
    );
    assert.equal(res.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const title = pdfTitle(res.rawPayload);
    assert.ok(title.includes(regionA.names.fr ?? regionA.names.en!), title);
    assert.match(title, /Fiche d'information/);
  });

  test("a Russian factsheet embeds a Unicode font and is titled in Russian", async () => {
    const res = await api.get(analyst, `/api/dashboard/factsheet?from=${from}&to=${to}&areaId=${regionB.id}&lang=ru`);
    assert.equal(res.statusCode, 200);
    const title = pdfTitle(res.rawPayload);
    assert.match(title, /Информационный бюллетень/);
    assert.ok(title.includes(regionB.names.ru ?? regionB.names.en!), title);
    assert.match(res.rawPayload.toString("latin1"), /\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
  });

  test("a Khmer factsheet prints Khmer letters, not boxes, with Khmer dates; Indonesian numbers are grouped its way", async (tc) => {
    const res = await api.get(analyst, `/api/dashboard/factsheet?from=${from}&to=${to}&areaId=${regionA.id}&lang=km`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(res.rawPayload.toString("latin1"), /\/BaseFont \/[A-Z]{6}\+NotoSansKhmer/);
    const model = await getFactsheetData(await analystCtx(), { from, to, areaId: regionA.id, lang: "km" });
    assert.equal(model.lang, "km", "numbers and dates are formatted in Khmer, not English");
    const month = new Intl.DateTimeFormat("km", { month: "long", timeZone: "UTC" }).format(
      new Date(`${from}T00:00:00Z`),
    );
    assert.ok(pdfTitle(res.rawPayload).includes(month), "the period names the month in Khmer");
    const id = await getFactsheetData(await analystCtx(), { from, to, areaId: regionA.id, lang: "id" });
    assert.equal(id.lang, "id");
    const big = await renderFactsheetPdf(
      { ...id, headline: { ...id.headline, reports_total: 12345 } },
      { compress: false },
    );
    assert.ok(helveticaText(big).includes("12.345"), "Indonesian groups thousands with a dot, not a comma");
    if (!PDFTOPPM) {
      tc.skip("pdftoppm is not installed (apt-get install poppler-utils): the pages are not looked at");
      return;
    }
    // The area's name (the tallest line at the top of page 1) is Khmer letters: many different shapes…
    const [page] = await pdfPages(res.rawPayload);
    const name = lineLetters(page!, 0.05, 0.13);
    assert.ok(name.shapes >= 4, `the Khmer area name has letters (${name.shapes} shapes)`);
    assert.ok(
      name.distinct >= name.shapes / 2,
      `the Khmer name is letters, not tofu (${name.distinct}/${name.shapes})`,
    );
    // …where the same line set in DejaVu Sans alone (the factsheet before Noto Sans Khmer) is one box repeated.
    const control = new PDFDocument({ size: "A4", margin: 42 });
    control.registerFont("bold", `${fontsDir}/DejaVuSans-Bold.ttf`);
    control.font("bold").fontSize(22).text(model.areaName, 42, 60);
    const chunks: Buffer[] = [];
    control.on("data", (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => control.on("end", resolve));
    control.end();
    await ended;
    const boxes = lineLetters((await pdfPages(Buffer.concat(chunks)))[0]!, 0.05, 0.13);
    assert.ok(boxes.shapes >= 4 && boxes.distinct <= 2, `boxes are seen as boxes (${boxes.distinct}/${boxes.shapes})`);
  });

  test("an area outside the reader's scope is not found; their own region is", async () => {
    const other = await api.get(dataManager, `/api/dashboard/factsheet?from=${from}&to=${to}&areaId=${regionB.id}`);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, "NOT_FOUND");
    const own = await api.get(dataManager, `/api/dashboard/factsheet?from=${from}&to=${to}`);
    assert.equal(own.statusCode, 200, "without an area, a one-region reader gets their region");
    assert.ok(pdfTitle(own.rawPayload).includes(regionA.names.en!));
  });

  test("targets set for the area appear beside the actual of their period", async () => {
    const admin = await signInAs(t.app, account(t.demoAccounts, "country_admin"));
    const set = await t.app.inject({
      method: "PUT",
      url: "/api/setup/targets",
      headers: { cookie: admin },
      payload: { metric: "reports_validated", periodType: "month", periodStart: from, areaId: regionA.id, value: 4321 },
    });
    assert.equal(set.statusCode, 200, set.body);
    const ctx = await analystCtx();
    const model = await getFactsheetData(ctx, { from, to, areaId: regionA.id, lang: "en" });
    const target = model.targets.find((x) => x.target === 4321);
    assert.ok(target, "the target is listed");
    assert.equal(target.metric, "reports_validated");
    const month = model.trend[0]!;
    assert.equal(target.actual, month.validated, "the actual is that month's validated count");
    assert.ok((model.headline.reports_total ?? 0) > 0, "the demo has reports in the period");

    const text = helveticaText(await renderFactsheetPdf(model, { compress: false }));
    assert.ok(text.includes("4,321"), "the target value is printed");
    assert.ok(text.includes("Targets and actual"));
    assert.ok(text.includes(model.areaName));
  });

  test("the monthly chart names every month of the year, and marks the month still running", async () => {
    const today = new Date();
    const year = today.getUTCFullYear();
    const thisMonth = today.getUTCMonth();
    const model = await getFactsheetData(
      await analystCtx(),
      { from: `${year}-01-01`, to: `${year}-12-31`, lang: "en" },
      today,
    );
    assert.equal(model.trend.length, 12);
    assert.deepEqual(
      model.trend.map((m) => m.running),
      Array.from({ length: 12 }, (_, i) => i >= thisMonth),
      "this month (and any after it) is running",
    );
    const text = helveticaText(await renderFactsheetPdf(model, { compress: false }));
    for (const m of model.trend) {
      const label = new Intl.DateTimeFormat("en", { month: "short", year: "2-digit", timeZone: "UTC" }).format(
        new Date(`${m.month}-01T00:00:00Z`),
      );
      assert.ok(text.includes(m.running ? `${label} *` : label), `${label} is on the axis`);
    }
    const refused = await api.get(analyst, `/api/dashboard/factsheet?from=${year}-02-01&to=${year}-11-30&lang=en`);
    assert.equal(refused.statusCode, 400, "a run of months is not published");
    assert.equal(refused.json().error.code, "PERIOD_NOT_CALENDAR");
    assert.ok(text.includes("Month still running"), "the note says why the last month is low");
  });
});

import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { test } from "node:test";
import { calendarPeriodOf } from "@openclm/contracts/constants";
import type { BrowserContextOptions, Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { chartDrawn } from "./support/first-load.js";
import { signIn, useStaffSuite } from "./support/staff.js";

const suite = useStaffSuite();

/** One sign-in for the file (codes cannot be reused within 30 s); every test gets its own context with the cookie. */
let signedIn: Promise<BrowserContextOptions["storageState"]> | undefined;
function signedInState() {
  signedIn ??= (async () => {
    const { page, context } = await suite.open("/dashboard");
    await signIn(page, suite.account("analyst"));
    const state = await context.storageState();
    await context.close();
    return state;
  })();
  return signedIn;
}

async function openDashboard(path = "/dashboard", opts: BrowserContextOptions = {}) {
  const opened = await suite.open(path, { storageState: await signedInState(), ...opts });
  await tilesReady(opened.page);
  return opened;
}

/** The headline figures are on screen and not being refreshed. */
async function tilesReady(page: Page): Promise<void> {
  await page.locator('.dash-tiles[aria-busy="false"] [data-metric="reports_total"]').waitFor();
}

interface Result {
  rows: { dimensions: Record<string, string>; metrics: Record<string, number | null>; suppressed?: boolean }[];
}

/** Asks the indicator API from inside the page, as the page itself does (same cookie, same origin). */
function ask(page: Page, path: string, body: object): Promise<Result> {
  return page.evaluate(
    async ({ path, body }) => {
      const res = await fetch(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    { path, body },
  );
}

async function shownPeriod(page: Page): Promise<{ from: string; to: string }> {
  return {
    from: await page.getByLabel("From", { exact: true }).inputValue(),
    to: await page.getByLabel("To", { exact: true }).inputValue(),
  };
}

const tile = (page: Page, metric: string) => page.locator(`[data-metric="${metric}"]`);
const count = (n: number) => new Intl.NumberFormat("en").format(n);
const percent = (n: number) =>
  new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 }).format(n / 100);

test("an analyst sees headline figures equal to the indicator API, a trend of at least 3 periods and the map", async () => {
  const { page, watch } = await openDashboard();
  assert.equal(await pageHeading(page), "Accountability dashboard");
  const period = await shownPeriod(page);
  const metrics = ["reports_total", "reports_validated", "reports_declined", "pct_resolved", "pct_on_behalf"];
  const answer = await ask(page, "/api/dashboard/indicators", { metrics, ...period });
  const expected = answer.rows[0]!.metrics;
  assert.ok((expected.reports_total ?? 0) > 0, "the demo country has reports in the default period");
  assert.equal(await tile(page, "reports_total").textContent(), count(expected.reports_total!));
  assert.equal(await tile(page, "reports_validated").textContent(), count(expected.reports_validated!));
  assert.equal(await tile(page, "reports_declined").textContent(), count(expected.reports_declined!));
  assert.equal(await tile(page, "pct_resolved").textContent(), percent(expected.pct_resolved!));
  assert.equal(await tile(page, "pct_on_behalf").textContent(), percent(expected.pct_on_behalf!));

  // The trend: a drawn chart, and its table has one row per month of the period (at least 3).
  const trend = page.locator(".dash-card--trend");
  await chartDrawn(trend.locator(".echart"));
  const periods = await trend.locator("tbody tr").count();
  assert.ok(periods >= 3, `trend periods: ${periods}`);
  const months = await ask(page, "/api/dashboard/indicators", {
    metrics: ["reports_validated"],
    dimensions: ["month"],
    ...period,
  });
  const firstMonth = months.rows.find((r) => (r.metrics.reports_validated ?? 0) > 0)!;
  const firstRow = trend.locator("tbody tr", { hasText: monthLabel(firstMonth.dimensions.month!) });
  assert.equal(await firstRow.locator("td").first().textContent(), count(firstMonth.metrics.reports_validated!));

  // The map draws every district boundary, with a legend; the district table lists the districts with data.
  const boundaries = (await (await fetch(`${suite.url}/api/areas/boundaries?level=2`)).json()) as {
    features: unknown[];
  };
  await page.locator(".district-map").scrollIntoViewIfNeeded(); // Leaflet loads when the map nears the screen
  await page.locator(".district-map path.leaflet-interactive").first().waitFor();
  assert.equal(await page.locator(".district-map path.leaflet-interactive").count(), boundaries.features.length);
  assert.ok((await page.locator(".map-legend li").count()) >= 2);
  const districtRows = await page.locator(".dash-card--districts tbody tr").count();
  assert.ok(districtRows > 0);

  // The analyst may export de-identified reports.
  const exportLink = page.getByRole("link", { name: "Download de-identified reports (CSV)" });
  assert.match((await exportLink.getAttribute("href")) ?? "", /^\/api\/dashboard\/reports\/export\?from=/);

  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  assert.deepEqual(
    watch.errors.filter((e) => e.startsWith("exception")),
    [],
  );
  assert.deepEqual(await watch.cspViolations(), [], "CSP violations");
});

/** "2026-03" → "Mar 2026", as the page labels months in English. */
function monthLabel(key: string): string {
  const [y, m] = key.split("-").map(Number);
  return new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y!, m! - 1, 1)),
  );
}

test("filters and period live in the URL and survive a reload", async () => {
  const { page } = await openDashboard();
  await page.getByRole("button", { name: "Last 6 months" }).click();
  await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=/);
  const category = page.getByLabel("Category", { exact: true });
  const code = await category.locator("option").nth(1).getAttribute("value");
  await category.selectOption(code!);
  await page.getByLabel("Reported by", { exact: true }).selectOption("on_behalf");
  await page.waitForURL(/category=/);
  await page.getByLabel("Indicator", { exact: true }).selectOption("pct_resolved");
  await page.waitForURL(/trend=pct_resolved/);
  const url = page.url();
  assert.match(url, /mode=on_behalf/);

  await page.reload();
  await tilesReady(page);
  assert.equal(page.url(), url);
  assert.equal(await page.getByLabel("Category", { exact: true }).inputValue(), code);
  assert.equal(await page.getByLabel("Reported by", { exact: true }).inputValue(), "on_behalf");
  assert.equal(await page.getByLabel("Indicator", { exact: true }).inputValue(), "pct_resolved");
  assert.equal(await page.getByRole("button", { name: "Last 6 months" }).getAttribute("aria-pressed"), "true");
  // Picks that give the same dates (in December "Last 12 months" and "This year") never light together.
  for (const pick of ["This year", "Last 12 months", "Last 3 months"]) {
    await page.getByRole("button", { name: pick }).click();
    await page.waitForURL(/pick=/);
    assert.deepEqual(await page.locator('.dash-quick [aria-pressed="true"]').allTextContents(), [pick]);
  }

  // The figures follow the filters: the same query with the same filters gives the same total.
  const period = await shownPeriod(page);
  const answer = await ask(page, "/api/dashboard/indicators", {
    metrics: ["reports_total"],
    filters: [
      ["is", "category", [code]],
      ["is", "reporter_mode", ["on_behalf"]],
    ],
    ...period,
  });
  await page.locator('.dash-tiles[aria-busy="false"]').waitFor();
  assert.equal(await tile(page, "reports_total").textContent(), count(answer.rows[0]?.metrics.reports_total ?? 0));
});

test("a chart downloads as CSV, PNG and SVG", async () => {
  const { page } = await openDashboard();
  const trend = page.locator(".dash-card--trend");
  await chartDrawn(trend.locator(".echart"));
  const rows = await trend.locator("tbody tr").count();

  const csv = await downloaded(page, /^Data \(CSV\) of “Trend/);
  assert.match(csv.name, /^dashboard-trend-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.body
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/);
  // People read the periods; their codes come second. The default period ends today: its month is still running.
  assert.equal(lines[0], "Period,Period (code),Actual");
  assert.equal(lines.length, rows + 1, "one line per period under the header");
  assert.match(lines[1]!, /^[A-Z][a-z]{2} \d{4},\d{4}-\d{2},\d+$/);
  assert.match(lines.at(-1)!, /^[A-Z][a-z]{2} \d{4} \(so far\),\d{4}-\d{2},\d+$/);
  await trend.getByText("The last period is still running", { exact: false }).waitFor();

  const challenges = await downloaded(page, /^Data \(CSV\) of “Top challenge types/);
  const header = challenges.body
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r\n/)[0];
  assert.equal(header, "Challenge type,Challenge type (code),Reports validated");

  const png = await downloaded(page, /^PNG image of “Trend/);
  assert.deepEqual([...png.body.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "a PNG file");
  const svg = await downloaded(page, /^SVG image of “Trend/);
  assert.match(svg.body.toString("utf8"), /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg.body.toString("utf8"), /Trend: Reports validated/, "the title is inside the image");
  const { from, to } = await shownPeriod(page);
  const day = (iso: string) =>
    new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso));
  assert.ok(svg.body.toString("utf8").includes(`Whole country · ${day(from)} – ${day(to)}`), "area and period");
  assert.match(svg.body.toString("utf8"), /Source: OpenCLM community-led monitoring/, "the source");
});

async function downloaded(page: Page, button: RegExp): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: await fs.readFile(path) };
}

test("the public view opens without sign-in, hides small cells and is accessible", async () => {
  // Rights reports made with a peer supporter: few per facility, and rights has the stricter threshold.
  const { page, watch } = await suite.open("/dashboard/public?category=rights&mode=on_behalf");
  assert.equal(await pageHeading(page), "Accountability dashboard: public view");
  await tilesReady(page);
  await page.getByText(/Numbers below \d+ .* are hidden/).waitFor();
  // The page's notice (the cross-tab's hint says it too).
  await page.locator("p.notice", { hasText: "Figures are slightly adjusted to protect people" }).waitFor();

  // Published figures cover one calendar month, quarter or year: the view opens on this year, still running.
  const year = String(new Date().getUTCFullYear());
  assert.equal(await page.getByLabel("Month, quarter or year", { exact: true }).inputValue(), year);
  await page.getByText("This period is still running").waitFor();
  const period = { from: `${year}-01-01`, to: `${year}-12-31` };
  // The cells the server hid show as hidden, never as a number.
  const facilities = await ask(page, "/api/public/indicators", {
    metrics: ["reports_total", "reports_validated", "pct_resolved"],
    dimensions: ["facility"],
    filters: [
      ["is", "category", ["rights"]],
      ["is", "reporter_mode", ["on_behalf"]],
    ],
    ...period,
  });
  const hidden = facilities.rows.filter((r) => r.suppressed).length;
  assert.ok(hidden > 0, "some facilities have few such reports");
  await page.locator(".dash-card--facilities tbody tr").first().waitFor();
  const hiddenRows = page.locator(".dash-card--facilities tbody tr", { has: page.locator(".cell--hidden") });
  assert.equal(await hiddenRows.count(), hidden);
  // Perturbed values below the threshold may stand for a true count a little above it: no false "fewer than 10".
  assert.match((await hiddenRows.first().textContent()) ?? "", /hidden \(small number\)/);
  // (In the cells: the facility quality panel's hint rightly says averages hide where fewer than N people rated.)
  assert.equal(
    await page
      .locator("td")
      .filter({ hasText: /fewer than \d+/ })
      .count(),
    0,
    "no hidden cell claims a bound it cannot keep",
  );

  // A shortcut to another calendar period; every question the page asks is one calendar month, quarter or year, and
  // the trend still shows 12 months, each asked as its own cell of a calendar year.
  const asked: { from: string; to: string }[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/public/indicators")) asked.push(JSON.parse(r.postData() ?? "{}"));
  });
  await page.getByRole("button", { name: "Last quarter" }).click();
  await page.waitForURL(/pick=lastQuarter/);
  await tilesReady(page);
  assert.match(await page.getByLabel("Month, quarter or year", { exact: true }).inputValue(), /^\d{4}-Q[1-4]$/);
  assert.deepEqual(await page.locator('.dash-quick [aria-pressed="true"]').allTextContents(), ["Last quarter"]);
  const trend = page.locator(".dash-card--trend");
  await chartDrawn(trend.locator(".echart"));
  assert.equal(await trend.locator("tbody tr").count(), 12, "the 12 months up to the quarter's end");
  await page.waitForLoadState("networkidle");
  assert.ok(asked.length > 0);
  for (const q of asked) assert.ok(calendarPeriodOf(q.from, q.to), `asked ${q.from}…${q.to}`);

  // No raw report exports here, and no staff-only calls.
  assert.equal(await page.getByRole("link", { name: /de-identified reports/ }).count(), 0);
  await page.locator(".district-map").scrollIntoViewIfNeeded(); // Leaflet loads when the map nears the screen
  await page.locator(".district-map path.leaflet-interactive").first().waitFor();
  await page.waitForLoadState("networkidle");
  await assertAxeClean(page);
  assert.deepEqual(watch.errors, [], "console errors");
  assert.deepEqual(await watch.cspViolations(), [], "CSP violations");
});

test("at 360 px the dashboard fits the screen and its charts shrink to fit", async () => {
  const { page } = await openDashboard("/dashboard", { viewport: { width: 360, height: 740 } });
  const trendChart = page.locator(".dash-card--trend .echart svg");
  await chartDrawn(page.locator(".dash-card--trend .echart"));
  await page.locator(".district-map").scrollIntoViewIfNeeded(); // Leaflet loads when the map nears the screen
  await page.locator(".district-map path.leaflet-interactive").first().waitFor();
  assert.equal(await horizontalOverflow(page), 0, "no sideways scrolling");
  const box = await trendChart.boundingBox();
  assert.ok(box && box.width <= 340, `chart width ${box?.width}`);
  await assertAxeClean(page);
});

test("a region's data manager sees their region named as the whole of their view, and only its areas", async () => {
  const manager = suite.account("data_manager");
  const { page, context } = await suite.open("/dashboard");
  await signIn(page, manager);
  await tilesReady(page);
  const config = (await (await context.request.get(`${suite.url}/api/config`)).json()) as {
    areas: { id: string; parentId: string | null; name: string }[];
  };
  const region = config.areas.find((a) => a.id === manager.scope.areaIds[0]);
  assert.ok(region, "the manager's region is a configured area");
  const area = page.getByLabel("Region or district", { exact: true });
  assert.equal(await area.locator("option:checked").textContent(), `All of ${region.name}`);
  const offered = (await area.locator("option").allTextContents()).slice(1).map((s) => s.replace(/^— /, ""));
  const inRegion = config.areas.filter((a) => a.id === region.id || a.parentId === region.id).map((a) => a.name);
  assert.deepEqual(offered.sort(), inRegion.sort(), "only the region and its districts are offered");
  assert.equal(await page.getByText("Whole country").count(), 0);
  await context.close();
});

test("the map spreads districts over its colours, labels them on focus, and drills down to a district", async () => {
  const { page } = await openDashboard("/dashboard?map=reports_validated");
  await page.locator(".district-map").scrollIntoViewIfNeeded(); // Leaflet loads when the map nears the screen
  const districts = page.locator('.district-map path[role="button"]');
  await districts.first().waitFor();
  const fills = await districts.evaluateAll((els) => els.map((e) => e.getAttribute("fill")));
  assert.ok(new Set(fills).size >= 4, `districts fall in several colour bands, not one: ${fills.join(" ")}`);
  assert.ok((await page.locator(".map-legend li").count()) >= 5, "the legend lists its steps and 'no data'");

  await districts.first().focus();
  const label = (await districts.first().getAttribute("aria-label")) ?? "";
  assert.match(label, /^.+: \d/, "a district is named with its figure");
  await page.locator(".leaflet-tooltip", { hasText: label }).waitFor();
  await page.keyboard.press("Enter");
  await page.waitForURL(/area=/);
  const chosen = await page.getByLabel("Region or district", { exact: true }).locator("option:checked").textContent();
  assert.equal(`${chosen?.replace(/^— /, "")}: `, label.slice(0, label.indexOf(": ") + 2), "the district's own view");

  // From the district table too: its names lead to each district's view, keeping the other filters.
  await page.goto(`${suite.url}/dashboard?map=reports_validated`);
  const link = page.locator(".dash-card--districts tbody th a").first();
  const name = await link.textContent();
  await link.click();
  await page.waitForURL(/area=.*map=reports_validated|map=reports_validated.*area=/);
  const picked = await page.getByLabel("Region or district", { exact: true }).locator("option:checked").textContent();
  assert.equal(picked?.replace(/^— /, ""), name);
});

test("coverage of one topic is not held to the framework target for all reports", async () => {
  const { page } = await openDashboard();
  const coverage = page.locator(".tile", { has: tile(page, "coverage_pct") });
  await coverage.getByText(/^Framework target for a \w+ programme/).waitFor();
  await page.getByLabel("Category", { exact: true }).selectOption({ index: 1 });
  await page.waitForURL(/category=/);
  await tilesReady(page);
  await coverage.getByText("Targets are for all reports, not for one part of them.").waitFor();
  assert.equal(await coverage.getByText(/^Framework target for a/).count(), 0);
  assert.equal(await page.locator("[data-target]").count(), 0, "targets for all reports are not shown beside a part");
});

test("a cross-tab shows any two dimensions with totals, equal to the indicator API", async () => {
  const { page } = await openDashboard("/dashboard?xrows=region&xcols=channel");
  const card = page.locator(".dash-card--cross-tab");
  await card.locator("tbody tr").first().waitFor();
  const period = await shownPeriod(page);
  const metrics = ["reports_validated"];
  const both = await ask(page, "/api/dashboard/indicators", { metrics, dimensions: ["region", "channel"], ...period });
  const byRegion = await ask(page, "/api/dashboard/indicators", { metrics, dimensions: ["region"], ...period });
  const all = await ask(page, "/api/dashboard/indicators", { metrics, ...period });
  const headers = await card.locator("thead th").allTextContents();
  assert.equal(headers[0], "Region / Channel");
  assert.equal(headers.at(-1), "Total");
  const rows = card.locator("tbody tr");
  assert.equal(await rows.count(), byRegion.rows.length + 1, "a row per region and a total row");
  const web = both.rows.find((r) => r.dimensions.channel === "web" && (r.metrics.reports_validated ?? 0) > 0)!;
  const webColumn = headers.indexOf("Web");
  assert.ok(webColumn > 0, "a column per channel");
  const regionRow = (await rows.locator("th").allTextContents()).indexOf(
    (await page
      .getByLabel("Region or district", { exact: true })
      .locator(`option[value="${web.dimensions.region}"]`)
      .textContent()) ?? "",
  );
  const cells = await rows.nth(regionRow).locator("td").allTextContents();
  assert.equal(cells[webColumn - 1], count(web.metrics.reports_validated!));
  assert.equal(
    (await rows.last().locator("td").allTextContents()).at(-1),
    count(all.rows[0]!.metrics.reports_validated!),
    "the grand total",
  );

  await page.getByLabel("Columns", { exact: true }).selectOption("gender");
  await page.getByLabel("Rows", { exact: true }).selectOption("age_group");
  await card.getByText("Two personal dimensions at once", { exact: false }).waitFor();
});

test("a district's row in the cross-tab drills down to that district, by keyboard", async () => {
  const SHOTS = process.env.SCREENSHOT_DIR;
  const { page } = await openDashboard("/dashboard?xrows=district&xcols=channel");
  const card = page.locator(".dash-card--cross-tab");
  const link = card.locator("tbody th a").first();
  await link.waitFor();
  await card.getByText("Select a place's name to see its own figures.").waitFor();
  assert.equal(await card.locator("tbody tr").last().locator("th a").count(), 0, "the total row is no place");
  if (SHOTS) await card.screenshot({ path: `${SHOTS}/cross-tab-drill-1366.png` });
  const name = (await link.textContent()) ?? "";
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/area=/);
  const picked = await page.getByLabel("Region or district", { exact: true }).locator("option:checked").textContent();
  assert.equal(picked?.replace(/^— /, ""), name, "the dashboard is narrowed to the district chosen");
  // The cross-tab stays as it was, now for that district alone: its one row and the total.
  assert.equal(await page.getByLabel("Rows", { exact: true }).inputValue(), "district");
  await page.locator(".dash-card--cross-tab tbody tr").nth(1).waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".dash-card--cross-tab tbody tr").length === 2);
  assert.deepEqual(await page.locator(".dash-card--cross-tab tbody th").allTextContents(), [name, "Total"]);
  await assertAxeClean(page);
  await page.setViewportSize({ width: 360, height: 740 });
  if (SHOTS) await page.locator(".dash-card--cross-tab").screenshot({ path: `${SHOTS}/cross-tab-drill-360.png` });
});

test("the trend of validated reports can be counted by month of validation, labelled as such", async () => {
  const SHOTS = process.env.SCREENSHOT_DIR;
  const { page } = await openDashboard();
  const trend = page.locator(".dash-card--trend");
  await chartDrawn(trend.locator(".echart"));
  await trend.getByRole("heading", { name: "Trend: Reports validated, by month reported" }).waitFor();
  await trend.getByText("recent months still hold reports waiting to be validated", { exact: false }).waitFor();
  await trend.getByLabel("Count by").selectOption("validated");
  await page.waitForURL(/basis=validated/);
  await trend.getByRole("heading", { name: "Trend: Reports validated, by month of validation" }).waitFor();
  await trend.getByText("counted in the month a data manager validated them", { exact: false }).waitFor();
  // The table is the server's count by month of validation, the running month marked as such.
  const period = await shownPeriod(page);
  const months = await ask(page, "/api/dashboard/indicators", {
    metrics: ["reports_validated"],
    dimensions: ["month"],
    dateBasis: "validated",
    ...period,
  });
  const expected = months.rows
    .slice(0, -1)
    .map((r) => [monthLabel(r.dimensions.month!), count(r.metrics.reports_validated!)]);
  assert.ok(expected.length >= 3, "several finished months have validations");
  await page.waitForFunction((pairs) => {
    const rows = [...document.querySelectorAll(".dash-card--trend tbody tr")];
    return pairs.every(([label, n]) =>
      rows.some((r) => r.querySelector("th")?.textContent === label && r.querySelector("td")?.textContent === n),
    );
  }, expected);
  assert.match((await trend.locator("tbody tr").last().locator("th").textContent()) ?? "", /\(so far\)$/);
  await assertAxeClean(page);
  if (SHOTS) await trend.screenshot({ path: `${SHOTS}/trend-validation-1366.png` });
  // An indicator of every report has no such choice: reports are counted when they were made.
  await trend.getByLabel("Indicator").selectOption("reports_total");
  await trend.getByLabel("Count by").waitFor({ state: "detached" });
  await trend.getByLabel("Indicator").selectOption("pct_resolved");
  await trend
    .getByRole("heading", { name: "Trend: % of validated reports resolved, by month of validation" })
    .waitFor();
  await page.setViewportSize({ width: 360, height: 740 });
  if (SHOTS) await trend.screenshot({ path: `${SHOTS}/trend-validation-360.png` });
});

import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { countMetrics, type IndicatorDimension, medianMetrics } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { catchUp } from "./aggregator.js";
import { durationBucket, VALIDATED_STATUSES } from "./contributions.sql.js";
import { perturb } from "./disclosure.js";
import { medianOfHistogram } from "./indicators.service.js";

/**
 * For random sets of reports — and random changes to them afterwards, so the incremental path is exercised — every
 * indicator the API answers equals a naive recount over the raw reports, and the public answer never publishes a
 * small cell or a lone hidden cell.
 */

interface Place {
  districtId: string;
  regionId: string;
  facilityIds: string[];
}

interface FakeReport {
  id: string;
  createdAt: Date;
  place: Place;
  facilityId: string | null;
  subcategory: string;
  channel: string;
  reporterMode: string;
  gender: string;
  ageGroup: string;
  keyPopulations: string[];
  challengeTypes: string[];
  status: string;
  declineReason: string | null;
  validatedAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  reporterConfirmed: boolean | null;
  /** consent.shareDeidentified */
  shared: boolean;
  recordKey: number;
}

const SUBCATEGORIES = ["rights.privacy", "stigma.self", "health_services.availability"];
const STATUSES = ["submitted", "validated", "declined", "in_progress", "resolved", "escalated", "closed"];
const START = Date.UTC(2026, 5, 1);
const SPAN = 120 * 86_400_000;
const HOUR = 3_600_000;

function reportArb(places: Place[]) {
  return fc
    .record({
      offset: fc.integer({ min: 0, max: SPAN }),
      place: fc.constantFrom(...places),
      withFacility: fc.boolean(),
      subcategory: fc.constantFrom(...SUBCATEGORIES),
      channel: fc.constantFrom("app", "sms"),
      reporterMode: fc.constantFrom("self", "on_behalf"),
      gender: fc.constantFrom("female", "male", "undisclosed"),
      ageGroup: fc.constantFrom("15-24", "25-34"),
      keyPopulations: fc.subarray(["plhiv", "miner", "migrant"]),
      challengeTypes: fc.subarray(["a_ct", "b_ct"]),
      status: fc.constantFrom(...STATUSES),
      declineReason: fc.constantFrom("spam", "duplicate"),
      hours: fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 3, maxLength: 3 }),
      confirmed: fc.constantFrom(true, false, null),
      shared: fc.boolean(),
      recordKey: fc.integer({ min: 0, max: 65_535 }),
    })
    .map((r): FakeReport => {
      const createdAt = new Date(START + r.offset);
      const later = (h: number) => new Date(createdAt.getTime() + h * HOUR + 1_000);
      const validated = VALIDATED_STATUSES.includes(r.status);
      const resolved = r.status === "resolved" || r.status === "closed";
      return {
        id: crypto.randomUUID(),
        createdAt,
        place: r.place,
        facilityId: r.withFacility ? (r.place.facilityIds[0] ?? null) : null,
        subcategory: r.subcategory,
        channel: r.channel,
        reporterMode: r.reporterMode,
        gender: r.gender,
        ageGroup: r.ageGroup,
        keyPopulations: r.keyPopulations,
        challengeTypes: r.challengeTypes,
        status: r.status,
        declineReason: r.status === "declined" ? r.declineReason : null,
        validatedAt: validated ? later(r.hours[0] ?? 0) : null,
        firstResponseAt: validated ? later(r.hours[1] ?? 0) : null,
        resolvedAt: resolved ? later(r.hours[2] ?? 0) : null,
        reporterConfirmed: resolved ? r.confirmed : null,
        shared: r.shared,
        recordKey: r.recordKey,
      };
    });
}

/** Queries the cube can answer: at most one breakdown; medians only by time, place and category. */
const queryArb = fc.oneof(
  fc.record({
    kind: fc.constant("counts" as const),
    dimensions: fc.subarray(["category", "district", "reporter_mode", "month", "facility"] as IndicatorDimension[], {
      maxLength: 2,
    }),
    breakdown: fc.constantFrom<IndicatorDimension | null>(
      null,
      "gender",
      "key_population",
      "challenge_type",
      "channel",
    ),
  }),
  fc.record({
    kind: fc.constant("medians" as const),
    dimensions: fc.subarray(["category", "district", "quarter"] as IndicatorDimension[], { maxLength: 2 }),
    breakdown: fc.constant(null),
  }),
);

const periodArb = fc
  .tuple(fc.integer({ min: -15, max: 135 }), fc.integer({ min: 0, max: 140 }))
  .map(([start, length]) => {
    const from = new Date(START + start * 86_400_000);
    const to = new Date(from.getTime() + length * 86_400_000);
    return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
  });

function dimensionValues(r: FakeReport, d: IndicatorDimension): string[] {
  const month = r.createdAt.toISOString().slice(0, 7);
  switch (d) {
    case "category":
      return [r.subcategory.split(".")[0] ?? ""];
    case "district":
      return [r.place.districtId];
    case "facility":
      return r.facilityId ? [r.facilityId] : [];
    case "reporter_mode":
      return [r.reporterMode];
    case "month":
      return [month];
    case "quarter":
      return [`${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`];
    case "gender":
      return [r.gender];
    case "channel":
      return [r.channel];
    case "key_population":
      return r.keyPopulations.length ? r.keyPopulations : ["none"];
    case "challenge_type":
      return r.challengeTypes.length ? r.challengeTypes : ["none"];
    default:
      throw new Error(`no naive rule for ${d}`);
  }
}

/** Every combination of dimension values a report falls under. */
function keysOf(r: FakeReport, dims: IndicatorDimension[]): string[][] {
  return dims.reduce<string[][]>(
    (acc, d) => acc.flatMap((prefix) => dimensionValues(r, d).map((v) => [...prefix, v])),
    [[]],
  );
}

/**
 * Counts (and, as `key_<metric>`, the sum of the counted reports' record keys) per combination of dimension values;
 * `publishable` counts only the reports shared de-identified.
 */
function naive(
  reports: FakeReport[],
  dims: IndicatorDimension[],
  period: { from: string; to: string },
  population: "all" | "publishable" = "all",
) {
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const until = Date.parse(`${period.to}T00:00:00Z`) + 86_400_000;
  const out = new Map<string, Record<string, number | null>>();
  const hours = new Map<string, Record<string, number[]>>();
  for (const r of reports) {
    const t = r.createdAt.getTime();
    if (t < from || t >= until || (population === "publishable" && !r.shared)) continue;
    const validated = VALIDATED_STATUSES.includes(r.status);
    const resolved = (r.status === "resolved" || r.status === "closed") && r.resolvedAt !== null;
    for (const key of keysOf(r, dims)) {
      const k = key.join("|");
      const m = out.get(k) ?? Object.fromEntries(countMetrics.map((c) => [c, 0]));
      const add = (name: string, yes: boolean) => {
        if (!yes) return;
        m[name] = (m[name] ?? 0) + 1;
        m[`key_${name}`] = (m[`key_${name}`] ?? 0) + r.recordKey;
      };
      add("reports_total", true);
      add("reports_pending", r.status === "submitted");
      add("reports_validated", validated);
      add("reports_declined", r.status === "declined");
      add("reports_resolved", resolved);
      add("reports_escalated", r.status === "escalated");
      add("reports_confirmed", resolved && r.reporterConfirmed === true);
      add("reports_on_behalf", r.reporterMode === "on_behalf");
      out.set(k, m);
      const h = hours.get(k) ?? { first_response: [], validation: [], resolution: [] };
      const since = (at: Date | null) => durationBucket((at!.getTime() - t) / HOUR);
      if (r.firstResponseAt) h.first_response?.push(since(r.firstResponseAt));
      if (r.validatedAt && validated) h.validation?.push(since(r.validatedAt));
      if (resolved) h.resolution?.push(since(r.resolvedAt));
      hours.set(k, h);
    }
  }
  for (const [k, m] of out) {
    const h = hours.get(k);
    const median = (values: number[] | undefined) =>
      values?.length ? medianOfHistogram(values.map((v) => [v, 1])).median : null;
    m.median_hours_to_first_response = median(h?.first_response);
    m.median_hours_to_validation = median(h?.validation);
    m.median_hours_to_resolution = median(h?.resolution);
  }
  return out;
}

describe("indicators equal a naive recount (property)", () => {
  let t: TestApp;
  let analyst: string;
  let places: Place[];

  before(async () => {
    t = await createTestApp();
    analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    const rows = (await t.database.rows<{ id: string; region_id: string; facility_id: string | null }>(
      sql`SELECT a.id, a.ancestor_ids[2] AS region_id, (SELECT f.id FROM facilities f WHERE f.district_id = a.id
          ORDER BY f.code LIMIT 1) AS facility_id FROM areas a WHERE a.is_leaf ORDER BY a.code LIMIT 3`,
    )) as { id: string; region_id: string; facility_id: string | null }[];
    places = rows.map((r) => ({
      districtId: r.id,
      regionId: r.region_id,
      facilityIds: r.facility_id ? [r.facility_id] : [],
    }));
  });
  after(async () => t.close());

  async function load(reports: FakeReport[]) {
    await t.database.db.execute(sql`DELETE FROM reports`);
    for (const r of reports) {
      await t.database.db.execute(sql`INSERT INTO reports (id, client_id, tracking_code_hash, channel, reporter_mode,
          category_code, subcategory_code, challenge_types, occurred_on, district_id, region_id, facility_id, gender,
          age_group, key_populations, status, decline_reason, created_at, validated_at, first_response_at,
          resolved_at, reporter_confirmed, consent_share_deidentified, record_key)
        VALUES (${r.id}, ${crypto.randomUUID()}, ${r.id.slice(0, 13)}, ${r.channel}, ${r.reporterMode},
          ${r.subcategory.split(".")[0]}, ${r.subcategory}, ${`{${r.challengeTypes.join(",")}}`}::text[],
          ${r.createdAt.toISOString().slice(0, 10)}, ${r.place.districtId}, ${r.place.regionId}, ${r.facilityId},
          ${r.gender}, ${r.ageGroup}, ${`{${r.keyPopulations.join(",")}}`}::text[], ${r.status}, ${r.declineReason},
          ${r.createdAt}, ${r.validatedAt}, ${r.firstResponseAt}, ${r.resolvedAt}, ${r.reporterConfirmed}, ${r.shared}, ${r.recordKey})`);
    }
    await catchUp(t.database.db);
  }

  async function ask(url: string, body: Record<string, unknown>, cookie: string) {
    const res = await t.app.inject({ method: "POST", url, headers: cookie ? { cookie } : {}, payload: body });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as {
      rows: { dimensions: Record<string, string>; metrics: Record<string, number | null>; suppressed?: boolean }[];
    };
  }

  test("every indicator equals the recount, also after reports change", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reportArb(places), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...STATUSES, "delete", "unshare")), { maxLength: 8 }),
        queryArb,
        periodArb,
        fc.constantFrom("all" as const, "publishable" as const),
        async (initial, changes, query, period, population) => {
          await load(initial);
          let reports = initial;
          for (const [index, change] of changes) {
            const target = reports[index % Math.max(1, reports.length)];
            if (!target) break;
            if (change === "delete") {
              await t.database.db.execute(sql`DELETE FROM reports WHERE id = ${target.id}`);
              reports = reports.filter((r) => r !== target);
            } else if (change === "unshare") {
              // The reporter withdraws consent to share: the report leaves the publishable counts at once.
              await t.database.db.execute(
                sql`UPDATE reports SET consent_share_deidentified = false WHERE id = ${target.id}`,
              );
              reports = reports.map((r) => (r === target ? { ...r, shared: false } : r));
            } else {
              await t.database.db.execute(sql`UPDATE reports SET status = ${change} WHERE id = ${target.id}`);
              reports = reports.map((r) => (r === target ? { ...r, status: change } : r));
            }
          }
          const dims = [...query.dimensions, ...(query.breakdown ? [query.breakdown] : [])];
          const metrics = query.kind === "counts" ? [...countMetrics] : [...medianMetrics, "reports_total"];
          const body = { metrics, dimensions: dims, ...period, population };
          const answer = await ask("/api/dashboard/indicators", body, analyst);
          const expected = naive(reports, dims, period, population);
          const got = new Map(answer.rows.map((r) => [dims.map((d) => r.dimensions[d]).join("|"), r.metrics]));
          assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort());
          for (const [key, metricsGot] of got) {
            for (const m of metrics) assert.equal(metricsGot[m], expected.get(key)?.[m], `${m} for ${key}`);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  test("the public answer is the shared reports' counts perturbed by their cell keys, small cells hidden", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(reportArb(places), { maxLength: 60 }),
        queryArb.filter((q) => q.kind === "counts"),
        // Published periods are one calendar month, quarter or year (PERIOD_NOT_CALENDAR otherwise).
        fc.constantFrom(
          { from: "2026-06-01", to: "2026-06-30" },
          { from: "2026-07-01", to: "2026-09-30" },
          { from: "2026-01-01", to: "2026-12-31" },
        ),
        async (reports, query, period) => {
          await load(reports);
          const dims = [...query.dimensions, ...(query.breakdown ? [query.breakdown] : [])];
          const body = { metrics: ["reports_total", "reports_validated"], dimensions: dims, ...period };
          const answer = await ask("/api/public/indicators", body, "");
          // The cell key recounted here: the sum of the record keys of the shared reports in the cell.
          const truth = naive(reports, dims, period, "publishable");
          assert.deepEqual(
            answer.rows.map((r) => dims.map((d) => r.dimensions[d]).join("|")).sort(),
            [...truth.keys()].sort(),
            "rows exist exactly for cells with shared reports",
          );
          for (const row of answer.rows) {
            const key = dims.map((d) => row.dimensions[d]).join("|");
            const category = row.dimensions.category;
            const threshold = category === "rights" || category === "stigma" ? 10 : 5;
            const expected = ["reports_total", "reports_validated"].map((m) => {
              const count = truth.get(key)?.[m] ?? 0;
              return perturb(count, (truth.get(key)?.[`key_${m}`] ?? 0) % 65_536);
            });
            // Each metric whose published count is small is hidden, and only it; the row says something is hidden.
            const shown = expected.map((v) => (v > 0 && v < threshold ? null : v));
            assert.equal(row.suppressed ?? false, shown.includes(null), `suppressed ${key}`);
            assert.deepEqual([row.metrics.reports_total, row.metrics.reports_validated], shown, key);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

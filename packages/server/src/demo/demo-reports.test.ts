import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { FieldCipher } from "../crypto/field-cipher.js";
import type { Database } from "../db/database.js";
import { seedDefaultLanguages, seedDefaultTaxonomy } from "../taxonomy/seed-taxonomy.js";
import { createTestDatabase } from "../testing/test-database.js";
import { seedDemoAccounts } from "./demo-accounts.js";
import { demoChannels, seedDemoReports } from "./demo-reports.js";
import { seedDemoGeography } from "./seed-demo.js";

describe("demo report history", () => {
  let database: Database;
  const cipher = new FieldCipher(crypto.randomBytes(32));
  const now = new Date("2026-06-15T12:00:00Z");
  let seeded: { reports: number; events: number; messages: number };

  before(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await seedDefaultLanguages(db);
    await seedDefaultTaxonomy(db);
    await seedDemoGeography(db);
    await seedDemoAccounts(db, cipher);
    seeded = await seedDemoReports(db, cipher, { now });
  });
  after(async () => database.close());

  const one = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
    (await database.rows<T>(q))[0] as T;

  test("about two thousand reports over at least twelve months", async () => {
    const r = await one<{ n: number; months: number; oldest: Date; newest: Date }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT date_trunc('month', created_at))::int AS months,
                 min(created_at) AS oldest, max(created_at) AS newest FROM reports`,
    );
    assert.ok(r.n >= 1900, `${r.n} reports`);
    assert.equal(r.n, seeded.reports);
    assert.ok(r.months >= 13, `${r.months} months`);
    const spanDays = (new Date(r.newest).getTime() - new Date(r.oldest).getTime()) / 86_400_000;
    assert.ok(spanDays >= 365, `${spanDays} days`);
    assert.ok(new Date(r.newest) <= now, "nothing in the future");
  });

  test("every category and subcategory, both reporter modes, every channel", async () => {
    const cats = await database.rows<{ category_code: string; n: number }>(
      sql`SELECT category_code, count(*)::int AS n FROM reports GROUP BY 1 ORDER BY 2 DESC`,
    );
    assert.deepEqual(
      cats.map((c) => c.category_code),
      ["health_services", "stigma", "support_services", "rights"],
    );
    const subs = await one<{ n: number; all: number }>(
      sql`SELECT count(DISTINCT subcategory_code)::int AS n, (SELECT count(*)::int FROM subcategories) AS all FROM reports`,
    );
    assert.equal(subs.n, subs.all);
    const modes = await database.rows<{ reporter_mode: string; n: number }>(
      sql`SELECT reporter_mode, count(*)::int AS n FROM reports GROUP BY 1`,
    );
    const share = (modes.find((m) => m.reporter_mode === "on_behalf")?.n ?? 0) / seeded.reports;
    assert.ok(share > 0.08 && share < 0.16, `on_behalf share ${share}`);
    const assisted = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reports WHERE reporter_mode = 'on_behalf' AND (assisted_by IS NULL OR consent_recorded_at IS NULL)`,
    );
    assert.equal(assisted.n, 0, "assisted reports name their peer supporter and consent");
    const channels = await one<{ n: number }>(sql`SELECT count(DISTINCT channel)::int AS n FROM reports`);
    assert.equal(channels.n, 6);
  });

  test("workflow states and timestamps are plausible", async () => {
    const byStatus = Object.fromEntries(
      (
        await database.rows<{ status: string; n: number }>(
          sql`SELECT status, count(*)::int AS n FROM reports GROUP BY 1`,
        )
      ).map((r) => [r.status, r.n / seeded.reports]),
    ) as Record<string, number>;
    const share = (s: string) => byStatus[s] ?? 0;
    assert.ok(share("submitted") > 0.04 && share("submitted") < 0.13, `submitted ${share("submitted")}`);
    assert.ok(share("declined") > 0.06 && share("declined") < 0.14, `declined ${share("declined")}`);
    for (const s of ["validated", "in_progress", "referred", "resolved", "escalated", "closed"])
      assert.ok(share(s) > 0, s);
    const bad = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reports WHERE
            (validated_at IS NOT NULL AND validated_at < created_at)
         OR (first_response_at IS NOT NULL AND first_response_at < created_at)
         OR (resolved_at IS NOT NULL AND (resolved_at < first_response_at OR first_response_at IS NULL))
         OR (status = 'declined' AND decline_reason IS NULL)
         OR (status <> 'submitted' AND first_response_at IS NULL AND validated_at IS NULL)`,
    );
    assert.equal(bad.n, 0);
    const eventsMatch = await one<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reports r WHERE r.status <> (
            SELECT e.to_status FROM report_events e
            WHERE e.report_id = r.id AND e.type = 'status_change' ORDER BY e.at DESC, e.id DESC LIMIT 1)`,
    );
    assert.equal(eventsMatch.n, 0, "the last status change of each timeline is the report's status");
    assert.ok(seeded.messages > 100, `${seeded.messages} messages`);
    const median = await one<{ h: number }>(
      sql`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at) / 3600) AS h
          FROM reports WHERE first_response_at IS NOT NULL`,
    );
    assert.ok(median.h > 2 && median.h < 24 * 14, `median first response ${median.h} h`);
  });

  test("the same seed gives the same history", async () => {
    const seedInto = async () => {
      const other = await createTestDatabase();
      try {
        await seedDefaultLanguages(other.db);
        await seedDefaultTaxonomy(other.db);
        await seedDemoGeography(other.db);
        await seedDemoAccounts(other.db, cipher);
        await seedDemoReports(other.db, cipher, { now, count: 200 });
        return await other.rows(
          sql`SELECT tracking_code_hash, category_code, subcategory_code, status, created_at::text, occurred_on::text
              FROM reports ORDER BY tracking_code_hash`,
        );
      } finally {
        await other.close();
      }
    };
    const [a, b] = [await seedInto(), await seedInto()];
    assert.equal(a.length, 200);
    assert.deepEqual(a, b);
  });
});

test("the demo shows USSD and SMS reports only where a provider that carries them is configured (issue 14 item 7)", () => {
  const none = { username: undefined, apiKey: undefined, baseUrl: "", from: undefined, webhookToken: undefined };
  const noTwilio = { accountSid: undefined, authToken: undefined, baseUrl: "", from: undefined };
  assert.deepEqual(demoChannels(undefined), ["app", "web", "telegram", "whatsapp"]);
  assert.deepEqual(demoChannels({ africastalking: none, twilio: noTwilio }), ["app", "web", "telegram", "whatsapp"]);
  const at = { ...none, username: "sandbox", apiKey: "key" };
  assert.deepEqual(demoChannels({ africastalking: at, twilio: noTwilio }), [
    "app",
    "web",
    "ussd",
    "sms",
    "telegram",
    "whatsapp",
  ]);
  const twilio = { ...noTwilio, accountSid: "AC1", authToken: "token" };
  assert.deepEqual(demoChannels({ africastalking: none, twilio }), ["app", "web", "sms", "telegram", "whatsapp"]);
});

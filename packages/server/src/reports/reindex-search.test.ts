import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { FieldCipher } from "../crypto/field-cipher.js";
import { systemCtx } from "../platform/context.js";
import { account } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { reindexSearchTokens } from "./reindex-search.js";
import { searchTokens } from "./search-words.js";
import { trackingCodeHash } from "./tracking-code.js";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function submit(description: string | null): Promise<string> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/reports",
    payload: {
      clientId: crypto.randomUUID(),
      channel: "app",
      reporterMode: "self",
      categoryCode: "health_services",
      subcategoryCode: "health_services.availability",
      challengeTypes: [],
      description,
      districtId: account(t.demoAccounts, "first_responder", 0).scope.districtIds[0],
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().trackingCode;
}

const tokensOf = async (code: string) =>
  (
    await t.database.rows<{ search_tokens: string[] | null }>(
      sql`SELECT search_tokens FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
    )
  )[0]?.search_tokens;

test("reports stored before text search get their tokens from the reindex, in batches, with an audit row", async () => {
  const older = await submit("The laboratory lost my sputum sample twice");
  const withoutText = await submit(null);
  // As they were before the column existed.
  await t.database.db.execute(
    sql`UPDATE reports SET search_tokens = NULL WHERE tracking_code_hash IN (${trackingCodeHash(t.cipher, older)}, ${trackingCodeHash(t.cipher, withoutText)})`,
  );
  const ctx = systemCtx(t.app.services, "test-reindex");
  const result = await reindexSearchTokens(ctx, { batchSize: 1 });
  assert.deepEqual(result, { reports: 2, unreadable: 0 }, "only the reports without tokens");
  assert.deepEqual(await tokensOf(older), searchTokens(t.cipher, "laboratory lost sputum sample twice"));
  assert.deepEqual(await tokensOf(withoutText), []);
  const [{ n } = { n: 0 }] = await t.database.rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.search_reindex'`,
  );
  assert.equal(n, 2, "one audit row per batch written");
  assert.deepEqual(await reindexSearchTokens(ctx), { reports: 0, unreadable: 0 }, "a second run has nothing to do");
});

test("--all recomputes every report; a description the key cannot read is reported, not indexed", async () => {
  const code = await submit("Sputum results never came back");
  const foreign = new FieldCipher(crypto.randomBytes(32)).encrypt("written under another key");
  await t.database.db.execute(
    sql`UPDATE reports SET search_tokens = '{stale}', description_enc = ${foreign} WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
  );
  const result = await reindexSearchTokens(systemCtx(t.app.services), { all: true });
  assert.equal(result.unreadable, 1);
  assert.ok(result.reports > 2000, "the demo reports too");
  assert.deepEqual(await tokensOf(code), ["stale"], "left as it was");
});

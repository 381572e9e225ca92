import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { redactUrl } from "../platform/logger.js";
import { submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { protectTrackingCodes } from "./protect-tracking-codes.js";
import { trackingCodeHash } from "./tracking-code.js";

/** Every form a code could be kept or logged in. */
const formsOf = (code: string) => [
  code,
  code.replace("-", ""),
  code.toLowerCase(),
  code.replace("-", "").toLowerCase(),
];

/**
 * Attack: the tracking code is a bearer secret (read the conversation, reply as the reporter, withdraw consent).
 * Whoever reads a database dump without the key, or the server's request logs, must not learn one.
 */
describe("tracking codes (attack: read them from a dump or the logs)", () => {
  let t: TestApp;
  let districtId: string;
  let dm: string;
  const logLines: string[] = [];

  before(async () => {
    const logTo = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    t = await createTestApp({ logTo });
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    districtId = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
  });
  after(async () => t.close());

  test("a dump of the reports table holds no tracking code in clear, in any column", async () => {
    const { id, code } = await submitReport(t, districtId);
    const [row] = await t.database.rows<Record<string, unknown>>(sql`SELECT * FROM reports WHERE id = ${id}`);
    const dump = JSON.stringify(row).toLowerCase();
    for (const form of formsOf(code)) assert.ok(!dump.includes(form.toLowerCase()), `the dump holds ${form}`);
    assert.equal(row?.tracking_code, null, "the clear column is empty");
    assert.equal(row?.tracking_code_hash, trackingCodeHash(t.cipher, code), "a keyed hash finds it");
    // Every demo report too.
    const [clear] = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reports WHERE tracking_code IS NOT NULL OR tracking_code_hash IS NULL`,
    );
    assert.equal(clear?.n, 0);
  });

  test("the report is still tracked by its code, in the path (the contract) and in a POST body", async () => {
    const { code } = await submitReport(t, districtId);
    const byPath = await t.app.inject({ method: "GET", url: `/api/reports/track/${code.toLowerCase()}` });
    assert.equal(byPath.statusCode, 200, byPath.body);
    assert.equal(byPath.json().trackingCode, code);
    const byBody = await t.app.inject({ method: "POST", url: "/api/reports/track", payload: { trackingCode: code } });
    assert.equal(byBody.statusCode, 200, byBody.body);
    assert.deepEqual(byBody.json(), byPath.json());
    const reply = await t.app.inject({
      method: "POST",
      url: "/api/reports/track/messages",
      payload: { trackingCode: code, body: "Any news?" },
    });
    assert.equal(reply.statusCode, 201, reply.body);
    const consent = await t.app.inject({
      method: "POST",
      url: "/api/reports/track/consent",
      payload: { trackingCode: code, contactMe: false, shareDeidentified: true, useInAdvocacyStories: false },
    });
    assert.equal(consent.statusCode, 200, consent.body);
    assert.deepEqual(
      consent.json().messages.map((m: { body: string }) => m.body),
      ["Any news?"],
    );
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/reports/track",
      payload: { trackingCode: "2222-2222" },
    });
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.json().error.code, "NOT_FOUND");
  });

  test("request logs of tracking, replies, consent and inbox searches hold neither the code nor the search", async () => {
    const { code } = await submitReport(t, districtId);
    const secretWord = "zebulonquartz";
    logLines.length = 0;
    const calls = [
      t.app.inject({ method: "GET", url: `/api/reports/track/${code}` }),
      t.app.inject({ method: "POST", url: `/api/reports/track/${code}/messages`, payload: { body: "Hello" } }),
      t.app.inject({
        method: "POST",
        url: `/api/reports/track/${code}/consent`,
        payload: { contactMe: false, shareDeidentified: false, useInAdvocacyStories: false },
      }),
      t.app.inject({ method: "GET", url: `/api/inbox/reports?q=${code}&limit=5`, headers: { cookie: dm } }),
      t.app.inject({ method: "GET", url: `/api/inbox/reports?limit=5&q=${secretWord}`, headers: { cookie: dm } }),
      t.app.inject({ method: "GET", url: `/app/track/${code}` }), // an old link into the app
    ];
    for (const res of await Promise.all(calls)) assert.ok(res.statusCode < 300, `${res.statusCode} ${res.body}`);
    const logs = logLines.join("").toLowerCase();
    assert.match(logs, /\/api\/reports\/track\/\[redacted\]\/messages/, "the requests were logged");
    for (const secret of [...formsOf(code), secretWord]) assert.ok(!logs.includes(secret.toLowerCase()), secret);
  });

  test("redactUrl keeps the shape of the URL and drops only the secrets", () => {
    assert.equal(redactUrl("/api/reports/track/K7QM-3XPA/consent?x=1"), "/api/reports/track/[redacted]/consent?x=1");
    assert.equal(
      redactUrl("/api/inbox/reports?status=submitted&q=nurse%20Ana&Q=x"),
      "/api/inbox/reports?status=submitted&q=[redacted]&Q=[redacted]",
    );
    assert.equal(redactUrl("/api/inbox/reports?limit=5"), "/api/inbox/reports?limit=5");
  });

  test("reports stored with a clear code before this change are moved out of clear text, and still tracked", async () => {
    const { id, code } = await submitReport(t, districtId);
    // As an older version stored it.
    await t.database.exec(
      "UPDATE reports SET tracking_code = $1, tracking_code_hash = NULL, tracking_prefix_hash = NULL, tracking_code_enc = NULL WHERE id = $2",
      [code, id],
    );
    assert.ok((await protectTrackingCodes(t.database, t.cipher, 1)) >= 1);
    const [row] = await t.database.rows<Record<string, unknown>>(sql`SELECT * FROM reports WHERE id = ${id}`);
    for (const form of formsOf(code)) assert.ok(!JSON.stringify(row).includes(form), form);
    const tracked = await t.app.inject({ method: "POST", url: "/api/reports/track", payload: { trackingCode: code } });
    assert.equal(tracked.statusCode, 200, tracked.body);
    assert.equal(tracked.json().trackingCode, code);
  });
});

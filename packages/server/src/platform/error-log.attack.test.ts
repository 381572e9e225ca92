import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyBaseLogger } from "fastify";
import pino from "pino";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { registerErrorHandling } from "./error-handler.js";
import { redactPaths } from "./logger.js";

/** Issue 22 item 12: a forged inbox cursor answered 500, and error logs held whole SQL statements with parameters. */
describe("attack: forged cursors and what a 500 writes to the log", () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  test("an inbox cursor whose id is 36 characters but no uuid answers 400, never 500", async () => {
    const dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    const at = new Date().toISOString();
    const forged = [
      `${at}|${"-".repeat(36)}`,
      `${at}|${"a".repeat(36)}`,
      `${at}|0000000-00000-0000-0000-0000000000000`,
      `+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000`,
      `${at}|00000000-0000-4000-8000-000000000000|extra`,
    ];
    for (const raw of forged) {
      const cursor = Buffer.from(raw).toString("base64url");
      const res = await staffCalls(t).get(dm, `/api/inbox/reports?cursor=${cursor}`);
      assert.equal(res.statusCode, 400, `${raw} → ${res.statusCode} ${res.body}`);
      assert.equal(res.json().error.code, "VALIDATION_FAILED");
    }
  });

  test("a database error is logged by its code and statement name, never its SQL text or parameters", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ redact: { paths: redactPaths, censor: "[redacted]" } }, sink) as FastifyBaseLogger;
    const app = Fastify({ loggerInstance: logger });
    registerErrorHandling(app);
    const secret = "Amina-0777123456";
    // A real failing statement through the app's own database handle (the shape Drizzle wraps pg/PGlite errors in).
    app.get("/boom", async () => t.database.db.execute(sql`SELECT ${secret}::uuid AS id FROM reports LIMIT 1`));
    await app.ready();
    try {
      const res = await app.inject({ method: "GET", url: "/boom" });
      assert.equal(res.statusCode, 500);
      assert.ok(!res.body.includes(secret), "the answer carries nothing");
      const logged = lines.join("");
      const entry = lines.map((l) => JSON.parse(l)).find((l) => l.msg === "unhandled error");
      assert.ok(entry, logged);
      assert.ok(!logged.includes(secret), `no parameter in the log: ${logged}`);
      assert.ok(!/::uuid|AS id|LIMIT|\$1/.test(logged), `no SQL text in the log: ${logged}`);
      const codes = JSON.stringify(entry.error);
      assert.match(codes, /"sqlState":"22P02"/, "the database's error code is kept");
      assert.match(codes, /"statement":"select reports"/, "and which statement failed");
    } finally {
      await app.close();
    }
  });
});

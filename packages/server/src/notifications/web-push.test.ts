import assert from "node:assert/strict";
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { systemCtx } from "../platform/context.js";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { NOTIFICATION_LANGUAGES, reporterNotice } from "./reporter-notifications.js";
import { deliverDuePush } from "./web-push.service.js";

const b64u = (b: Buffer) => b.toString("base64url");
const unb64u = (s: string) => Buffer.from(s, "base64url");
const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, len: number) =>
  Buffer.from(crypto.hkdfSync("sha256", ikm, salt, info, len));

/** A browser's side of a push subscription: its P-256 key pair and auth secret, decrypting as RFC 8291 says. */
function browser(endpoint: string) {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = crypto.randomBytes(16);
  const subscription = { endpoint, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
  function decrypt(body: Buffer): string {
    const salt = body.subarray(0, 16);
    const idLength = body.readUInt8(20);
    const serverKey = body.subarray(21, 21 + idLength);
    const cipherText = body.subarray(21 + idLength);
    const shared = ecdh.computeSecret(serverKey);
    const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), ecdh.getPublicKey(), serverKey]);
    const ikm = hkdf(auth, shared, keyInfo, 32);
    const cek = hkdf(salt, ikm, Buffer.from("Content-Encoding: aes128gcm\0"), 16);
    const nonce = hkdf(salt, ikm, Buffer.from("Content-Encoding: nonce\0"), 12);
    const decipher = crypto.createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(cipherText.subarray(cipherText.length - 16));
    const padded = Buffer.concat([decipher.update(cipherText.subarray(0, cipherText.length - 16)), decipher.final()]);
    const end = padded.lastIndexOf(2);
    return padded.subarray(0, end).toString("utf8");
  }
  return { subscription, decrypt };
}

/** Checks `Authorization: vapid t=<ES256 JWT>, k=<public key>` against the installation's public key. */
function checkVapid(header: string | undefined, publicKey: string, endpoint: string) {
  const m = /^vapid t=([^,]+), k=(.+)$/.exec(header ?? "");
  assert.ok(m, `a VAPID authorization header (${header})`);
  const [, jwt, k] = m;
  assert.equal(k, publicKey, "signed with the installation's key");
  const [h, p, s] = jwt!.split(".");
  const raw = unb64u(publicKey);
  const key = crypto.createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) },
    format: "jwk",
  });
  const valid = crypto.verify("sha256", Buffer.from(`${h}.${p}`), { key, dsaEncoding: "ieee-p1363" }, unb64u(s!));
  assert.ok(valid, "the JWT's signature verifies");
  const claims = JSON.parse(unb64u(p!).toString());
  assert.equal(claims.aud, new URL(endpoint).origin);
  assert.ok(claims.exp * 1000 > Date.now());
}

describe("web push to reporters", () => {
  let t: TestApp;
  let push: http.Server;
  let base: string;
  const received: { path: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const gone = new Set<string>();
  const failing = new Set<string>();
  let dm: string;
  let sadm: string;
  let district: string;

  before(async () => {
    t = await createTestApp();
    push = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
        res.statusCode = gone.has(req.url ?? "") ? 410 : failing.has(req.url ?? "") ? 500 : 201;
        res.end();
      });
    });
    await new Promise<void>((r) => push.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(push.address() as AddressInfo).port}`;
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    sadm = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
    district = account(t.demoAccounts, "first_responder", 0).scope.districtIds[0]!;
  });
  after(async () => {
    push.close();
    await t.close();
  });

  const follow = (code: string, subscription: unknown, language?: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/reports/track/push",
      payload: { trackingCode: code, subscription, ...(language ? { language } : {}) },
    });
  const publicKey = async () =>
    (await t.app.inject({ method: "GET", url: "/api/config" })).json().webPushPublicKey as string;
  const post = (cookie: string, url: string, body: unknown) => staffCalls(t).post(cookie, url, body);
  const patch = (cookie: string, url: string, body: unknown) => staffCalls(t).patch(cookie, url, body);
  const ctx = () => systemCtx({ ...t.app.services, log: t.app.log });

  test("a reply reaches the followed browser, signed and encrypted, saying neither TB nor the message", async () => {
    const key = await publicKey();
    assert.match(key, /^[A-Za-z0-9_-]{87}$/, "an uncompressed P-256 public key");
    assert.equal(await publicKey(), key, "generated once, then kept");

    const { id, code } = await submitReport(t, district, { language: "fr" });
    const device = browser(`${base}/push/${crypto.randomUUID()}`);
    const res = await follow(code, device.subscription, "fr");
    assert.equal(res.statusCode, 200, res.body);
    const [stored] = await t.database.rows<{ e: string; k: string }>(
      sql`SELECT endpoint_enc AS e, keys_enc AS k FROM push_subscriptions WHERE report_id = ${id}`,
    );
    assert.ok(stored && !stored.e.includes("127.0.0.1") && !stored.k.includes(device.subscription.keys.auth));

    const message = "Your TB test result is ready, tuberculosis clinic room 4";
    assert.equal((await post(dm, `/api/inbox/reports/${id}/messages`, { body: message })).statusCode, 200);
    received.length = 0;
    const result = await deliverDuePush(ctx());
    const [why] = await t.database.rows<{ e: string }>(
      sql`SELECT last_error AS e FROM push_outbox ORDER BY id DESC LIMIT 1`,
    );
    assert.equal(result.sent, 1, why?.e);
    assert.equal(received.length, 1);
    const [got] = received;
    assert.equal(got!.path, new URL(device.subscription.endpoint).pathname);
    assert.equal(got!.headers["content-encoding"], "aes128gcm");
    assert.ok(Number(got!.headers.ttl) > 0);
    checkVapid(got!.headers.authorization, key, device.subscription.endpoint);
    const shown = JSON.parse(device.decrypt(got!.body));
    assert.match(shown.body, new RegExp(code.slice(0, 4)), "names the report by its first letters");
    assert.doesNotMatch(shown.body, new RegExp(code), "never the whole tracking code (a key to the report)");
    assert.doesNotMatch(JSON.stringify(shown), /\bTB\b|tubercul|result|clinic/i);
    assert.match(shown.body, /réponse/, "in the language the browser asked for");
    assert.equal(shown.url.includes(code), false, "the code is in no URL");

    assert.equal((await deliverDuePush(ctx())).sent, 0, "once");
  });

  test("with the setting on, the message itself is in the notification", async () => {
    const on = await patch(sadm, "/api/settings", { notifications: { includeContent: true } });
    assert.equal(on.statusCode, 200, on.body);
    try {
      const { id, code } = await submitReport(t, district);
      const device = browser(`${base}/push/${crypto.randomUUID()}`);
      assert.equal((await follow(code, device.subscription)).statusCode, 200);
      await post(dm, `/api/inbox/reports/${id}/messages`, { body: "We called the clinic." });
      received.length = 0;
      await deliverDuePush(ctx());
      assert.match(JSON.parse(device.decrypt(received[0]!.body)).body, /We called the clinic\./);
    } finally {
      await patch(sadm, "/api/settings", { notifications: { includeContent: false } });
    }
  });

  test("an endpoint the push service says is gone (410) is removed; turning it off and erasing remove the rest", async () => {
    const { id, code } = await submitReport(t, district);
    const lost = browser(`${base}/push/${crypto.randomUUID()}`);
    const kept = browser(`${base}/push/${crypto.randomUUID()}`);
    gone.add(new URL(lost.subscription.endpoint).pathname);
    assert.equal((await follow(code, lost.subscription)).statusCode, 200);
    assert.equal((await follow(code, kept.subscription)).statusCode, 200);
    assert.equal((await follow(code, kept.subscription)).statusCode, 200, "following twice is still one follower");
    const followers = async () =>
      (
        await t.database.rows<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM push_subscriptions WHERE report_id = ${id}`,
        )
      )[0]!.n;
    assert.equal(await followers(), 2);
    await post(dm, `/api/inbox/reports/${id}/messages`, { body: "Hello" });
    const result = await deliverDuePush(ctx());
    assert.deepEqual(result, { sent: 1, failed: 0, removed: 1 });
    assert.equal(await followers(), 1);

    const off = await t.app.inject({
      method: "POST",
      url: "/api/reports/track/push/remove",
      payload: { trackingCode: code, endpoint: kept.subscription.endpoint },
    });
    assert.equal(off.statusCode, 200);
    assert.equal(await followers(), 0);

    assert.equal((await follow(code, kept.subscription)).statusCode, 200);
    const erased = await t.app.inject({
      method: "POST",
      url: "/api/reports/track/erase",
      payload: { trackingCode: code },
    });
    assert.equal(erased.statusCode, 200);
    assert.equal(await followers(), 0, "erasing the report forgets its followers");
  });

  test("a push service that fails is tried again later, without the other followers hearing twice", async () => {
    const { id, code } = await submitReport(t, district);
    const flaky = browser(`${base}/push/${crypto.randomUUID()}`);
    const fine = browser(`${base}/push/${crypto.randomUUID()}`);
    const flakyPath = new URL(flaky.subscription.endpoint).pathname;
    const finePath = new URL(fine.subscription.endpoint).pathname;
    failing.add(flakyPath);
    assert.equal((await follow(code, flaky.subscription)).statusCode, 200);
    assert.equal((await follow(code, fine.subscription)).statusCode, 200);
    await post(dm, `/api/inbox/reports/${id}/messages`, { body: "Hello again" });
    received.length = 0;
    assert.deepEqual(await deliverDuePush(ctx()), { sent: 1, failed: 1, removed: 0 });
    failing.delete(flakyPath);
    assert.deepEqual(await deliverDuePush(ctx()), { sent: 0, failed: 0, removed: 0 }, "not before its back-off");
    const later = new Date(Date.now() + 60 * 60_000);
    assert.deepEqual(await deliverDuePush(ctx(), later), { sent: 1, failed: 0, removed: 0 });
    assert.equal(received.filter((r) => r.path === finePath).length, 1, "the working follower heard once");
    assert.equal(received.filter((r) => r.path === flakyPath).length, 2);
  });

  test("a wrong code or an address that is not a push service is refused and stores nothing", async () => {
    const { id, code } = await submitReport(t, district);
    const device = browser(`${base}/push/x`);
    assert.equal((await follow("ZZZZ-ZZZZ", device.subscription)).statusCode, 404);
    const internal = browser("http://10.0.0.5/admin");
    assert.equal((await follow(code, internal.subscription)).statusCode, 400);
    const rows = await t.database.rows(sql`SELECT 1 FROM push_subscriptions WHERE report_id = ${id}`);
    assert.equal(rows.length, 0);
  });

  test("by default no language's notification names the illness or carries the message", async () => {
    const langs = (await t.app.inject({ method: "GET", url: "/api/config" })).json().languages as {
      code: string;
    }[];
    const body = "TB tuberculosis secret words";
    for (const language of [...NOTIFICATION_LANGUAGES, ...langs.map((l) => l.code)]) {
      for (const event of [
        { kind: "reply" as const, from: "responder" as const, body },
        { kind: "update" as const, toStatus: "resolved" },
      ]) {
        const text = await reporterNotice(t.database.db, event, {
          code: "K7QM-P2XA",
          channel: "push",
          language,
          includeContent: false,
        });
        const all = `${text.title} ${text.body}`;
        assert.doesNotMatch(all, /\bTB\b|tubercul|туберкул|secret words/i, `${language} ${event.kind}`);
        assert.match(all, /K7QM-/, `${language}: says which report`);
        assert.doesNotMatch(all, /P2XA/, `${language}: never the whole code`);
      }
    }
    for (const l of NOTIFICATION_LANGUAGES) {
      const en = await reporterNotice(
        t.database.db,
        { kind: "update", toStatus: "resolved" },
        { code: "X", channel: "push", language: "en", includeContent: false },
      );
      const own = await reporterNotice(
        t.database.db,
        { kind: "update", toStatus: "resolved" },
        { code: "X", channel: "push", language: l, includeContent: false },
      );
      if (l !== "en") assert.notEqual(own.body, en.body, `${l} is translated`);
    }
  });
});

import assert from "node:assert/strict";
import crypto from "node:crypto";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { systemCtx } from "../platform/context.js";
import { trackingCodeHash } from "../reports/tracking-code.js";
import { postForm, SmsPhone, shown } from "../testing/channel-driver.js";
import { startFakeAfricasTalking } from "../testing/fake-africastalking.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { cleanupChannels, deliverDueSms } from "./sms-outbound.js";
import { twilioSignature } from "./twilio-signature.js";

const AT_TOKEN = "at-callback-token-0123456789";
const TWILIO_TOKEN = "twilio-auth-token-for-tests";
const HOST = "clm.example.org";
const AT_SMS = `/api/channels/africastalking/sms?token=${AT_TOKEN}`;
const TWILIO_SMS = "/api/channels/twilio/sms";
const TRACKING_CODE = /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/;

/**
 * Issue 14: keyword reporting by SMS through Africa's Talking (answers sent through its API, here a fake on
 * 127.0.0.1) and Twilio (answers as TwiML, requests signed). A report is made once per conversation, whatever the
 * provider repeats; a request without the callback token or the signature changes nothing.
 */
describe("SMS: a guided report over Africa's Talking and Twilio", () => {
  let t: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeAfricasTalking>>;
  let config: PublicConfig;
  const logLines: string[] = [];

  before(async () => {
    const logTo = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    fake = await startFakeAfricasTalking({ username: "sandbox", apiKey: "at-api-key" });
    t = await createTestApp({
      logTo,
      env: {
        AT_USERNAME: "sandbox",
        AT_API_KEY: "at-api-key",
        AT_BASE_URL: fake.url,
        AT_WEBHOOK_TOKEN: AT_TOKEN,
        TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      },
    });
    config = (await t.app.inject({ method: "GET", url: "/api/config?lang=en" })).json();
  });
  after(async () => {
    await t.close();
    await fake.close();
  });

  const count = async (table: "channel_sessions" | "channel_messages" | "channel_outbox") =>
    Number((await t.database.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n);
  const reportsOf = async (code: string) =>
    t.database.rows<{ channel: string; district_id: string }>(
      sql`SELECT channel, district_id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
    );
  const smsReports = async () =>
    Number(
      (await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports WHERE channel = 'sms'`))[0]?.n,
    );

  /** The whole guided exchange after the keyword, choosing a district of the first region by its first letters. */
  async function guidedReport(phone: SmsPhone): Promise<string> {
    const region = config.areas.find((a) => a.level === 1) as PublicConfig["areas"][number];
    const district = config.areas.find((a) => a.parentId === region.id && a.isLeaf) as PublicConfig["areas"][number];
    await phone.choose((l) => l === "English", "English");
    await phone.send("1");
    await phone.send("1");
    await phone.send("1");
    await phone.choose(shown(region.name), "region");
    await phone.send(district.name.slice(0, 3));
    await phone.choose(shown(district.name), "district");
    if (phone.last.includes("Which place?")) await phone.choose((l) => l === "None of these", "no facility");
    await phone.choose((l) => l === "Today", "today");
    await phone.choose((l) => l === "Prefer not to say", "gender");
    await phone.choose((l) => l === "Prefer not to say", "age");
    await phone.choose((l) => l === "None / not say", "key population");
    await phone.choose((l) => l === "No", "contact");
    await phone.choose((l) => l === "Yes", "share");
    return phone.choose((l) => l === "No", "advocacy");
  }

  test("Africa's Talking: REPORT starts the exchange, each answer comes back by SMS, the last with the code", async () => {
    const from = "+254722000111";
    const before = await smsReports();
    let lastId = "";
    const inbound = async (text: string) => {
      lastId = `ATXid_${crypto.randomUUID()}`;
      const sentBefore = fake.sent.length;
      const res = await postForm(t.app, AT_SMS, { from, to: "21525", text, id: lastId, date: "2026-12-03 10:00:00" });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { received: true });
      assert.equal(fake.sent.length, sentBefore + 1, "one answer sent");
      const sms = fake.sent.at(-1);
      assert.equal(sms?.to, from);
      return sms?.message ?? "";
    };
    const phone = new SmsPhone(inbound);
    assert.match(await phone.send("report"), /English/);
    const end = await guidedReport(phone);
    const code = TRACKING_CODE.exec(end)?.[1];
    assert.ok(code, end);
    assert.deepEqual(
      (await reportsOf(code)).map((r) => r.channel),
      ["sms"],
    );

    // Africa's Talking posts the last message again: nothing is sent, no second report.
    const sent = fake.sent.length;
    const replay = await postForm(t.app, AT_SMS, { from, to: "21525", text: "2", id: lastId });
    assert.equal(replay.statusCode, 200);
    assert.deepEqual(replay.json(), { received: false });
    assert.equal(fake.sent.length, sent);
    assert.equal(await smsReports(), before + 1);

    // The outbox keeps no number or text in clear.
    const rows = await t.database.rows<{ to_enc: string; body_enc: string }>(
      sql`SELECT to_enc, body_enc FROM channel_outbox`,
    );
    for (const r of rows) assert.ok(!r.to_enc.includes("722000111") && !r.body_enc.includes(code));
  });

  test("a message while no report is under way answers how to start, and makes no report", async () => {
    const before = await smsReports();
    const res = await postForm(t.app, AT_SMS, {
      from: "+254722000999",
      to: "21525",
      text: "hello",
      id: `ATXid_${crypto.randomUUID()}`,
    });
    assert.equal(res.statusCode, 200);
    assert.match(fake.sent.at(-1)?.message ?? "", /reply REPORT/);
    assert.equal(await smsReports(), before);
  });

  test("an answer the provider could not take is sent again later (back-off)", async () => {
    fake.failNext(1);
    const from = "+254722000444";
    const sent = fake.sent.length;
    const res = await postForm(t.app, AT_SMS, {
      from,
      to: "21525",
      text: "REPORT",
      id: `ATXid_${crypto.randomUUID()}`,
    });
    assert.equal(res.statusCode, 200);
    assert.equal(fake.sent.length, sent, "the first attempt failed");
    const ctx = systemCtx({ ...t.app.services, log: t.app.log });
    // Not yet due: the back-off holds it a minute.
    await deliverDueSms(ctx, new Date());
    assert.equal(fake.sent.filter((m) => m.to === from).length, 0);
    // Later it goes (with any other send still waiting: on a loaded machine an earlier one may have timed out).
    const later = await deliverDueSms(ctx, new Date(Date.now() + 5 * 60_000));
    assert.ok(later.sent >= 1 && later.failed === 0, JSON.stringify(later));
    const toThem = fake.sent.filter((m) => m.to === from);
    assert.equal(toThem.length, 1);
    assert.match(toThem[0]?.message ?? "", /English/);
  });

  test("Africa's Talking callbacks without the token are refused and change nothing", async () => {
    const sessions = await count("channel_sessions");
    const messages = await count("channel_messages");
    for (const url of ["/api/channels/africastalking/sms", "/api/channels/africastalking/sms?token=wrong"]) {
      const res = await postForm(t.app, url, { from: "+254722000555", to: "21525", text: "REPORT", id: "ATXid_x" });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "UNAUTHENTICATED");
    }
    const ussd = await postForm(t.app, "/api/channels/africastalking/ussd", {
      sessionId: "ATUid_1",
      serviceCode: "*384#",
      phoneNumber: "+254722000555",
      text: "",
    });
    assert.equal(ussd.statusCode, 401);
    assert.equal(await count("channel_sessions"), sessions);
    assert.equal(await count("channel_messages"), messages);
  });

  test("Twilio: signed messages make a report answered in TwiML; a bad signature is refused", async () => {
    const from = "+15005550006";
    const before = await smsReports();
    const twilio = async (body: string, opts: { sid?: string; signature?: string } = {}) => {
      const fields = {
        MessageSid: opts.sid ?? `SM${crypto.randomBytes(16).toString("hex")}`,
        AccountSid: "AC00000000000000000000000000000000",
        From: from,
        To: "+15005550001",
        Body: body,
        NumMedia: "0",
      };
      const signature = opts.signature ?? twilioSignature(TWILIO_TOKEN, `http://${HOST}${TWILIO_SMS}`, fields);
      return postForm(t.app, TWILIO_SMS, fields, { host: HOST, "x-twilio-signature": signature });
    };
    const message = (xml: string) =>
      (/<Message>([\s\S]*)<\/Message>/.exec(xml)?.[1] ?? "").replace(/&#(\d+);/g, (_, n) =>
        String.fromCharCode(Number(n)),
      );

    const sessions = await count("channel_sessions");
    const forged = await twilio("REPORT", { signature: "bm90IGEgc2lnbmF0dXJl" });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, "UNAUTHENTICATED");
    assert.equal(await count("channel_sessions"), sessions, "a refused request changes nothing");

    let lastSid = "";
    const phone = new SmsPhone(async (text) => {
      lastSid = `SM${crypto.randomBytes(16).toString("hex")}`;
      const res = await twilio(text, { sid: lastSid });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers["content-type"]), /^text\/xml/);
      return message(res.body);
    });
    assert.match(await phone.send("Report"), /English/);
    const end = await guidedReport(phone);
    const code = TRACKING_CODE.exec(end)?.[1];
    assert.ok(code, end);
    assert.deepEqual(
      (await reportsOf(code)).map((r) => r.channel),
      ["sms"],
    );
    const replay = await twilio("2", { sid: lastSid });
    assert.equal(replay.statusCode, 200);
    assert.equal(message(replay.body), "", "a replay answers an empty TwiML response");
    assert.equal(await smsReports(), before + 1);
  });

  test("the server's logs hold none of the phone numbers that wrote to it", () => {
    assert.ok(logLines.length > 0, "the production logger wrote lines");
    for (const digits of ["722000111", "722000999", "722000444", "722000555", "5550006"]) {
      assert.deepEqual(
        logLines.filter((l) => l.includes(digits)),
        [],
        digits,
      );
    }
  });

  test("numbers and texts are forgotten: conversations when they expire, outbound SMS after 7 days", async () => {
    assert.ok((await count("channel_sessions")) > 0 && (await count("channel_outbox")) > 0);
    const ctx = systemCtx({ ...t.app.services, log: t.app.log });
    await cleanupChannels(ctx, new Date(Date.now() + 8 * 86_400_000));
    assert.equal(await count("channel_sessions"), 0);
    assert.equal(await count("channel_outbox"), 0);
    // Message ids stay longer (30 days), so a late replay still makes nothing.
    assert.ok((await count("channel_messages")) > 0);
  });
});

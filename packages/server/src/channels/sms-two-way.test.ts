import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { reporterNotice } from "../notifications/reporter-notifications.js";
import { systemCtx } from "../platform/context.js";
import { trackingCodeHash } from "../reports/tracking-code.js";
import { postForm, SmsPhone, shown } from "../testing/channel-driver.js";
import { startFakeAfricasTalking } from "../testing/fake-africastalking.js";
import { startFakeTwilio } from "../testing/fake-twilio.js";
import { staffCalls, submitReport } from "../testing/inbox-fixtures.js";
import { account, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { CHANNEL_TEXT_LANGUAGES } from "./conversation-texts.js";
import { deliverDueSms, queueSms } from "./sms-outbound.js";
import { twilioSignature } from "./twilio-signature.js";

const AT_TOKEN = "at-callback-token-0123456789";
const TWILIO_SID = "AC00000000000000000000000000000001";
const TWILIO_TOKEN = "twilio-auth-token-for-tests";
const PUBLIC_URL = "https://clm.example.org";
const AT_SMS = `/api/channels/africastalking/sms?token=${AT_TOKEN}`;
const AT_DELIVERY = `/api/channels/africastalking/delivery?token=${AT_TOKEN}`;
const TWILIO_STATUS = "/api/channels/twilio/status";
const TRACKING_CODE = /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/;
/** What a notification must never say: the illness, in any of the platform's languages. */
const ILLNESS = /\bTB\b|tubercul|туберкул|ТБ/i;
/** What a responder writes: words that must not reach a shared phone unless the setting allows it. */
const RESPONDER_WORDS = "Please bring your TB treatment card to the Dalbek clinic on Monday";

/**
 * Issue 14, two-way SMS: a responder's message reaches a reporter who agreed to be contacted, as an SMS that says
 * only that there is a reply (never the illness, never the words); the reporter's SMS answer lands on the report once
 * however often the provider repeats it; delivery reports update the outbox; the monthly limit holds SMS.
 */
describe("SMS: responder messages out, reporter replies in", () => {
  let t: TestApp;
  let at: Awaited<ReturnType<typeof startFakeAfricasTalking>>;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  let config: PublicConfig;
  let dm: string;
  let admin: string;
  let staff: ReturnType<typeof staffCalls>;

  before(async () => {
    at = await startFakeAfricasTalking({ username: "sandbox", apiKey: "at-api-key" });
    twilio = await startFakeTwilio({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN });
    t = await createTestApp({
      env: {
        AT_USERNAME: "sandbox",
        AT_API_KEY: "at-api-key",
        AT_BASE_URL: at.url,
        AT_WEBHOOK_TOKEN: AT_TOKEN,
        TWILIO_ACCOUNT_SID: TWILIO_SID,
        TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
        TWILIO_BASE_URL: twilio.url,
        TWILIO_SMS_FROM: "+15005550001",
        PUBLIC_URL,
      },
    });
    config = (await t.app.inject({ method: "GET", url: "/api/config?lang=en" })).json();
    dm = await signInAs(t.app, account(t.demoAccounts, "data_manager"));
    admin = await signInAs(t.app, account(t.demoAccounts, "system_admin"));
    staff = staffCalls(t);
  });
  after(async () => {
    await t.close();
    await at.close();
    await twilio.close();
  });

  const ctx = () => systemCtx({ ...t.app.services, log: t.app.log });
  const reportIdOf = async (code: string) =>
    (
      await t.database.rows<{ id: string }>(
        sql`SELECT id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
      )
    )[0]?.id as string;
  const reporterMessages = async (reportId: string) =>
    (
      await t.database.rows<{ body_enc: string }>(
        sql`SELECT body_enc FROM report_messages WHERE report_id = ${reportId} AND "from" = 'reporter' ORDER BY id`,
      )
    ).map((r) => t.cipher.decrypt(r.body_enc));
  const outboxOf = async (reportId: string) =>
    t.database.rows<{ status: string; provider: string; provider_message_id: string | null }>(
      sql`SELECT status, provider, provider_message_id FROM channel_outbox WHERE report_id = ${reportId} ORDER BY id`,
    );
  const inboundAt = (from: string, text: string, id = `ATXid_${crypto.randomUUID()}`) =>
    postForm(t.app, AT_SMS, { from, to: "21525", text, id, date: "2026-12-03 10:00:00" });
  /** The SMS limit, and the one setting (for every channel) whether notices carry the words. */
  const setSms = ({ monthlyLimit, includeContent }: { monthlyLimit: number | null; includeContent: boolean }) =>
    staff.patch(admin, "/api/settings", { sms: { monthlyLimit }, notifications: { includeContent } });

  /** A report by SMS through Africa's Talking, agreeing to be contacted on this number: its tracking code. */
  async function smsReport(from: string): Promise<string> {
    const phone = new SmsPhone(async (text) => {
      const before = at.sent.length;
      const res = await inboundAt(from, text);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(at.sent.length, before + 1, "one answer sent");
      return at.sent.at(-1)?.message ?? "";
    });
    const region = config.areas.find((a) => a.level === 1) as PublicConfig["areas"][number];
    const district = config.areas.find((a) => a.parentId === region.id && a.isLeaf) as PublicConfig["areas"][number];
    await phone.send("REPORT");
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
    await phone.choose((l) => l === "Yes", "contact by SMS");
    await phone.choose((l) => l === "Yes", "share");
    const end = await phone.choose((l) => l === "No", "advocacy");
    const code = TRACKING_CODE.exec(end)?.[1];
    assert.ok(code, end);
    return code;
  }

  /** A report from the app whose reporter agreed to be contacted on `phone`. */
  async function appReport(phone: string): Promise<{ id: string; code: string }> {
    const districtId = config.areas.find((a) => a.isLeaf)?.id as string;
    return submitReport(t, districtId, {
      consent: { contactMe: true, shareDeidentified: false, useInAdvocacyStories: false },
      contact: { phone },
    });
  }

  test("round trip: responder message → SMS notice without the words → reporter's SMS reply on the report, once", async () => {
    const from = "+254722100200";
    const code = await smsReport(from);
    const id = await reportIdOf(code);

    const before = at.sent.length;
    const sent = await staff.post(dm, `/api/inbox/reports/${id}/messages`, { body: RESPONDER_WORDS });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.equal(at.sent.length, before + 1, "the notice went out at once");
    const notice = at.sent.at(-1);
    assert.equal(notice?.to, from);
    assert.ok(notice?.message.includes(code), notice?.message);
    assert.ok(notice?.message.includes(`${PUBLIC_URL}/track`), "says where to read it");
    assert.doesNotMatch(notice?.message ?? "", ILLNESS);
    for (const word of ["treatment", "Dalbek", "Monday", "clinic"]) {
      assert.ok(!notice?.message.includes(word), `the notice holds "${word}"`);
    }
    assert.deepEqual(
      (await outboxOf(id)).map((r) => [r.status, r.provider]),
      [["sent", "africastalking"]],
    );

    // The reporter answers by SMS: the text lands on the report as theirs, and they are told so.
    const replyId = `ATXid_${crypto.randomUUID()}`;
    const reply = await inboundAt(from, "Yes I will come on Monday", replyId);
    assert.equal(reply.statusCode, 200);
    assert.deepEqual(reply.json(), { received: true });
    assert.deepEqual(await reporterMessages(id), ["Yes I will come on Monday"]);
    assert.ok(at.sent.at(-1)?.message.includes(`added to report ${code}`), at.sent.at(-1)?.message);

    // Africa's Talking posts it again: no second message, no second acknowledgement.
    const sentCount = at.sent.length;
    const replay = await inboundAt(from, "Yes I will come on Monday", replyId);
    assert.deepEqual(replay.json(), { received: false });
    assert.equal(at.sent.length, sentCount);
    assert.deepEqual(await reporterMessages(id), ["Yes I will come on Monday"]);

    // The inbox shows it like a reply from the tracking page.
    const detail = (await staff.get(dm, `/api/inbox/reports/${id}`)).json();
    assert.ok(
      JSON.stringify(detail).includes("Yes I will come on Monday"),
      "the data manager reads the reply on the report",
    );
  });

  test("a number with two open reports: a tracking code in the text decides, else the one last written to", async () => {
    const from = "+254722100300";
    const first = await smsReport(from);
    const firstId = await reportIdOf(first);
    const second = await appReport(from);
    // The responder writes on the second report: a reply without a code answers it.
    assert.equal((await staff.post(dm, `/api/inbox/reports/${second.id}/messages`, { body: "Hello" })).statusCode, 200);
    await inboundAt(from, "Thank you");
    assert.deepEqual(await reporterMessages(second.id), ["Thank you"]);
    // A reply naming the first report's code (as typed on a phone: lower case, no dash) lands there.
    await inboundAt(from, `about ${first.replace("-", "").toLowerCase()}: it happened again`);
    assert.equal((await reporterMessages(firstId)).length, 1);
    assert.deepEqual(await reporterMessages(second.id), ["Thank you"]);
  });

  test("a reporter who did not agree to be contacted gets no SMS; a number with no open report is told how to start", async () => {
    const districtId = config.areas.find((a) => a.isLeaf)?.id as string;
    const quiet = await submitReport(t, districtId, {
      consent: { contactMe: false, shareDeidentified: false, useInAdvocacyStories: false },
    });
    const before = at.sent.length + twilio.sent.length;
    assert.equal((await staff.post(dm, `/api/inbox/reports/${quiet.id}/messages`, { body: "Hello" })).statusCode, 200);
    assert.equal(at.sent.length + twilio.sent.length, before);
    assert.deepEqual(await outboxOf(quiet.id), []);

    await inboundAt("+254722100999", "Hello?");
    assert.match(at.sent.at(-1)?.message ?? "", /reply REPORT/);
  });

  test("status updates the reporter hears of are notices too, free of the illness and of the content", async () => {
    const from = "+254722100400";
    const { id, code } = await appReport(from);
    const before = at.sent.length;
    const res = await staff.post(dm, `/api/inbox/reports/${id}/decision`, { decision: "validate" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(at.sent.length, before + 1);
    const text = at.sent.at(-1)?.message ?? "";
    assert.ok(text.includes(code) && text.includes("news"), text);
    assert.doesNotMatch(text, ILLNESS);
    assert.ok(!text.includes("accepted"), "the notice does not say what happened");
  });

  test("delivery reports: Africa's Talking and Twilio (signed) set delivered or failed; unsigned ones change nothing", async () => {
    const from = "+254722100500";
    const { id } = await appReport(from);
    await staff.post(dm, `/api/inbox/reports/${id}/messages`, { body: "Hello" });
    const [row] = await outboxOf(id);
    assert.ok(row?.provider_message_id, "the provider's id is kept");

    const refused = await postForm(t.app, "/api/channels/africastalking/delivery", {
      id: row.provider_message_id,
      status: "Failed",
    });
    assert.equal(refused.statusCode, 401);
    assert.equal((await outboxOf(id))[0]?.status, "sent");

    const ok = await postForm(t.app, AT_DELIVERY, {
      id: row.provider_message_id,
      status: "Success",
      phoneNumber: from,
      networkCode: "63902",
    });
    assert.deepEqual(ok.json(), { received: true });
    assert.equal((await outboxOf(id))[0]?.status, "delivered");
    // A late "on the way" does not undo it.
    await postForm(t.app, AT_DELIVERY, { id: row.provider_message_id, status: "Buffered" });
    assert.equal((await outboxOf(id))[0]?.status, "delivered");

    // Twilio: sent through its Messages API, with a status callback, whose signed reports set the status.
    const twilioId = await queueSms(ctx(), "+15005550006", "A notice", { provider: "twilio", purpose: "notice" });
    const result = await deliverDueSms(ctx(), new Date(), [twilioId]);
    assert.equal(result.sent, 1, JSON.stringify(result));
    const message = twilio.sent.at(-1);
    assert.equal(message?.to, "+15005550006");
    assert.equal(message?.from, "+15005550001");
    assert.equal(message?.statusCallback, `${PUBLIC_URL}${TWILIO_STATUS}`);
    const status = (MessageStatus: string, signature?: string) => {
      const fields = { MessageSid: message?.sid ?? "", MessageStatus, AccountSid: TWILIO_SID, ErrorCode: "30003" };
      const signed = signature ?? twilioSignature(TWILIO_TOKEN, `http://clm.example.org${TWILIO_STATUS}`, fields);
      return postForm(t.app, TWILIO_STATUS, fields, { host: "clm.example.org", "x-twilio-signature": signed });
    };
    const statusOf = async () =>
      (
        await t.database.rows<{ status: string; last_error: string | null }>(
          sql`SELECT status, last_error FROM channel_outbox WHERE id = ${twilioId}`,
        )
      )[0];
    assert.equal((await status("undelivered", "bm90IGEgc2lnbmF0dXJl")).statusCode, 401);
    assert.equal((await statusOf())?.status, "sent");
    assert.deepEqual((await status("undelivered")).json(), { received: true });
    assert.deepEqual(await statusOf(), { status: "failed", last_error: "Twilio error 30003" });
  });

  test("the monthly limit holds SMS, staff see it, it is audited once; raising it sends what was held", async () => {
    const from = "+254722100600";
    const { id } = await appReport(from);
    const usage = async () => (await staff.get(admin, "/api/channels/sms/usage")).json();
    const used = (await usage()).sent as number;
    assert.ok(used > 0, "the month's SMS are counted");
    assert.equal((await setSms({ monthlyLimit: used, includeContent: false })).statusCode, 200);

    const before = at.sent.length;
    assert.equal((await staff.post(dm, `/api/inbox/reports/${id}/messages`, { body: "First" })).statusCode, 200);
    assert.equal((await staff.post(dm, `/api/inbox/reports/${id}/messages`, { body: "Second" })).statusCode, 200);
    assert.equal(at.sent.length, before, "nothing sent past the limit");
    assert.deepEqual(
      (await outboxOf(id)).map((r) => r.status),
      ["held", "held"],
    );
    const seen = await usage();
    assert.equal(seen.sent, used);
    assert.equal(seen.monthlyLimit, used);
    assert.ok(seen.heldSince, "staff see since when SMS are held");
    assert.ok(seen.outbox.held >= 2);
    assert.equal((await staff.get(dm, "/api/channels/sms/usage")).statusCode, 403);
    // The person writing sees it on the report: the notice is held, not sent.
    const noticesSeen = async () =>
      ((await staff.get(dm, `/api/inbox/reports/${id}`)).json().smsNotices as { status: string }[]).map(
        (n) => n.status,
      );
    assert.deepEqual(await noticesSeen(), ["held", "held"]);
    const audited = await t.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'channels.sms_limit_reached'`,
    );
    assert.equal(audited[0]?.n, 1, "the limit being reached is audited once");

    // The job tries held messages again on each run: still held while the limit stands.
    const again = await deliverDueSms(ctx());
    assert.equal(again.sent, 0);
    assert.ok(again.held >= 2, JSON.stringify(again));
    assert.equal((await setSms({ monthlyLimit: null, includeContent: false })).statusCode, 200);
    const released = await deliverDueSms(ctx());
    assert.ok(released.sent >= 2, JSON.stringify(released));
    assert.deepEqual(
      (await outboxOf(id)).map((r) => r.status),
      ["sent", "sent"],
    );
    assert.equal(at.sent.filter((m) => m.to === from).length, 2, "the two held went, once each");
    assert.deepEqual(await noticesSeen(), ["sent", "sent"]);
  });

  test("with the content setting on, the responder's words go out", async () => {
    const from = "+254722100700";
    const { id, code } = await appReport(from);
    assert.equal((await setSms({ monthlyLimit: null, includeContent: true })).statusCode, 200);
    await staff.post(dm, `/api/inbox/reports/${id}/messages`, { body: "Come on Monday at 10" });
    assert.equal(at.sent.at(-1)?.message, `Report ${code}: Come on Monday at 10 (Reply to this SMS to answer.)`);
    assert.equal((await setSms({ monthlyLimit: null, includeContent: false })).statusCode, 200);

    // The reporter deletes the report: the notices about it (number, code, words) go with it.
    assert.equal((await outboxOf(id)).length, 1);
    const erased = await t.app.inject({ method: "DELETE", url: `/api/reports/track/${code}` });
    assert.equal(erased.statusCode, 200, erased.body);
    assert.deepEqual(await outboxOf(id), []);
    // And a later SMS from that number is no longer taken as a reply to it.
    await inboundAt(from, "Hello again");
    assert.deepEqual(await reporterMessages(id), []);
    assert.match(at.sent.at(-1)?.message ?? "", /reply REPORT/);
  });

  describe("notice texts", () => {
    test("by default, in every language, a notice names the report and how to read it, never the illness or the words", async () => {
      for (const language of CHANNEL_TEXT_LANGUAGES) {
        for (const kind of ["reply", "update"] as const) {
          for (const publicUrl of [PUBLIC_URL, undefined]) {
            const event =
              kind === "reply"
                ? { kind, from: "responder" as const, body: RESPONDER_WORDS }
                : { kind, toStatus: "resolved" };
            const { body: text } = await reporterNotice(t.database.db, event, {
              code: "K7QM-3XPA",
              channel: "sms",
              language,
              includeContent: false,
              publicUrl,
            });
            const where = `${language} ${kind} ${publicUrl ?? "no url"}`;
            assert.ok(text.includes("K7QM-3XPA"), where);
            if (publicUrl) assert.ok(text.includes(`${PUBLIC_URL}/track`), where);
            assert.doesNotMatch(text, ILLNESS, where);
            for (const word of ["bring", "treatment", "card", "Dalbek", "clinic", "Monday"]) {
              assert.ok(!text.includes(word), `${where}: "${word}"`);
            }
            assert.ok(!/\{\w+\}/.test(text), `${where}: a placeholder left in "${text}"`);
          }
        }
      }
    });

    test("with the setting on, the words go, cut short when long, and a placeholder in them is not filled", async () => {
      const long = `{{ref}} {code} ${"word ".repeat(100)}`;
      const { body: text } = await reporterNotice(
        t.database.db,
        { kind: "reply", from: "responder", body: long },
        { code: "K7QM-3XPA", channel: "sms", language: "fr", includeContent: true },
      );
      assert.ok(text.startsWith("Signalement K7QM-3XPA: {{ref}} {code} word"), text);
      assert.ok(text.length < 400, String(text.length));
    });
  });
});

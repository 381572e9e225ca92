import assert from "node:assert/strict";
import crypto from "node:crypto";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import type { PublicConfig } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import { systemCtx } from "../platform/context.js";
import { trackingCodeHash } from "../reports/tracking-code.js";
import { postForm, shown } from "../testing/channel-driver.js";
import { type FakeCall, startFakeMessengers } from "../testing/fake-messengers.js";
import { staffCalls } from "../testing/inbox-fixtures.js";
import { account, sessionOf } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import { deliverDueMessenger } from "./messenger-outbound.js";
import { twilioSignature } from "./twilio-signature.js";

const TG_TOKEN = "123456:telegram-bot-token-for-tests";
const TG_SECRET = "telegram_webhook_secret_0123456789";
const WA_TOKEN = "whatsapp-access-token-for-tests";
const WA_SECRET = "whatsapp-app-secret-for-tests";
const WA_VERIFY = "whatsapp-verify-token-for-tests";
const TG_URL = "/api/channels/telegram/webhook";
const WA_URL = "/api/channels/whatsapp/webhook";
const PHONE_NUMBER_ID = "123456123";
const TRACKING_CODE = /\b([A-Z0-9]{4}-[A-Z0-9]{4})\b/;
const PUBLIC_URL = "https://clm.example.org";
/** What a notice must never say: the illness, or the responder's words (unless the setting allows them). */
const ILLNESS = /\bTB\b|tubercul|туберкул|ТБ/i;
const RESPONDER_WORDS = "Please bring your TB treatment card to the Dalbek clinic on Monday";

interface Shown {
  text: string;
  /** Buttons, list rows, or numbered lines: what the person can pick, and what picking it sends. */
  options: { label: string; send: string }[];
}

/** What a Telegram sendMessage shows: its text and inline keyboard. */
function telegramShown(call: FakeCall | undefined): Shown {
  const body = call?.body as {
    text: string;
    reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
  };
  return {
    text: body.text,
    options: (body.reply_markup?.inline_keyboard ?? []).flat().map((b) => ({ label: b.text, send: b.callback_data })),
  };
}

/** What a WhatsApp message shows: reply buttons, list rows, or numbered text lines. */
function whatsAppShown(call: FakeCall | undefined): Shown {
  const body = call?.body as {
    type: string;
    text?: { body: string };
    interactive?: {
      type: string;
      body: { text: string };
      action: {
        buttons?: { reply: { id: string; title: string } }[];
        sections?: { rows: { id: string; title: string }[] }[];
      };
    };
  };
  if (body.type === "text") {
    const text = body.text?.body ?? "";
    const options = text
      .split("\n")
      .map((l) => /^(\d+) (.+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ label: m[2] as string, send: m[1] as string }));
    return { text, options };
  }
  const i = body.interactive;
  assert.ok(i, "an interactive message");
  const options =
    i.type === "button"
      ? (i.action.buttons ?? []).map((b) => ({ label: b.reply.title, send: b.reply.id }))
      : (i.action.sections ?? []).flatMap((s) => s.rows).map((r) => ({ label: r.title, send: r.id }));
  assert.ok(i.type === "button" ? options.length <= 3 : options.length <= 10, "WhatsApp's limits");
  return { text: i.body.text, options };
}

/** A person in a chat: `deliver` posts what they type or press and answers what the bot sent back. */
class ChatPerson {
  last: Shown = { text: "", options: [] };
  constructor(private readonly deliver: (text: string, pressed: boolean) => Promise<Shown>) {}
  async send(text: string) {
    this.last = await this.deliver(text, false);
    return this.last;
  }
  async choose(wanted: (label: string) => boolean, what: string) {
    const option = this.last.options.find((o) => o.send !== "00" && wanted(o.label));
    assert.ok(option, `no "${what}" among ${JSON.stringify(this.last)}`);
    this.last = await this.deliver(option.send, true);
    return this.last;
  }
  /** The n-th option, whatever it says. */
  async pick(n: number) {
    const option = this.last.options[n - 1];
    assert.ok(option, `no option ${n} in ${JSON.stringify(this.last)}`);
    this.last = await this.deliver(option.send, true);
    return this.last;
  }
}

/**
 * Issue 14 item 4: Telegram and WhatsApp drive the same report as USSD and SMS, with buttons; the providers' APIs
 * are fakes on 127.0.0.1. A missing or wrong secret or signature is refused and stores nothing; a replayed update
 * or message makes no second report. Item 6: provider settings in Set-up (credentials never returned) and the
 * simulator.
 */
describe("Telegram and WhatsApp: a guided report with buttons", () => {
  let t: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeMessengers>>;
  let config: PublicConfig;
  let staff: ReturnType<typeof staffCalls>;
  const logLines: string[] = [];

  before(async () => {
    const logTo = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    fake = await startFakeMessengers({ telegramToken: TG_TOKEN, whatsappToken: WA_TOKEN });
    t = await createTestApp({
      logTo,
      env: {
        TELEGRAM_BOT_TOKEN: TG_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
        TELEGRAM_API_BASE_URL: fake.url,
        WHATSAPP_TOKEN: WA_TOKEN,
        WHATSAPP_APP_SECRET: WA_SECRET,
        WHATSAPP_VERIFY_TOKEN: WA_VERIFY,
        WHATSAPP_API_BASE_URL: fake.url,
        PUBLIC_URL,
      },
    });
    staff = staffCalls(t);
    config = (await t.app.inject({ method: "GET", url: "/api/config?lang=en" })).json();
  });
  after(async () => {
    await t.close();
    await fake.close();
  });

  const count = async (table: string) =>
    Number((await t.database.rows<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]?.n);
  const reportsIn = async (channel: string) =>
    Number(
      (await t.database.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports WHERE channel = ${channel}`))[0]
        ?.n,
    );
  const channelOf = async (code: string) =>
    (
      await t.database.rows<{ channel: string }>(
        sql`SELECT channel FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
      )
    ).map((r) => r.channel);

  /** The whole report after the first message, choosing a district of the first region by its first letters. */
  async function guidedReport(person: ChatPerson, opts: { contact: "Yes" | "No" }): Promise<string> {
    const region = config.areas.find((a) => a.level === 1) as PublicConfig["areas"][number];
    const district = config.areas.find((a) => a.parentId === region.id && a.isLeaf) as PublicConfig["areas"][number];
    await person.choose((l) => l === "English", "English");
    await person.pick(1);
    await person.pick(1);
    await person.pick(1);
    await person.choose(shown(region.name), "region");
    assert.match(person.last.text, /first letters/);
    await person.send(district.name.slice(0, 3));
    await person.choose(shown(district.name), "district");
    if (person.last.text.includes("Which place?")) await person.choose((l) => l === "None of these", "no facility");
    await person.choose((l) => l === "Today", "today");
    await person.choose((l) => l === "Prefer not to say", "gender");
    await person.choose((l) => l === "Prefer not to say", "age");
    await person.choose((l) => l === "None / not say", "key population");
    assert.match(person.last.text, /in this chat/, "chats ask about writing back here, not about SMS");
    await person.choose((l) => l === opts.contact, "contact");
    await person.choose((l) => l === "Yes", "share");
    const end = await person.choose((l) => l === "No", "advocacy");
    return end.text;
  }

  let updateId = 5000;
  const telegramPost = (update: unknown, secret: string | null = TG_SECRET) =>
    t.app.inject({
      method: "POST",
      url: TG_URL,
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      payload: JSON.stringify(update),
    });
  /** An update as Telegram sends it: a typed message, or a button press (callback_query). */
  const telegramUpdate = (chatId: number, text: string, pressed: boolean) => {
    const id = ++updateId;
    const from = { id: chatId, is_bot: false, first_name: "A", language_code: "en" };
    const chat = { id: chatId, first_name: "A", type: "private" };
    return pressed
      ? {
          update_id: id,
          callback_query: {
            id: `cq${id}`,
            from,
            chat_instance: "-99",
            message: {
              message_id: id,
              from: { id: 1, is_bot: true, first_name: "Bot" },
              chat,
              date: 1763600000,
              text: "?",
            },
            data: text,
          },
        }
      : { update_id: id, message: { message_id: id, from, chat, date: 1763600000, text } };
  };

  test("Telegram: /start, buttons all the way, the tracking code at the end; a replayed update makes nothing", async () => {
    const chatId = 777000111222;
    const before = await reportsIn("telegram");
    let lastUpdate: unknown;
    const person = new ChatPerson(async (text, pressed) => {
      lastUpdate = telegramUpdate(chatId, text, pressed);
      const sent = fake.telegram.filter((c) => c.path === "sendMessage").length;
      const answered = fake.telegram.filter((c) => c.path === "answerCallbackQuery").length;
      const res = await telegramPost(lastUpdate);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { received: true });
      const messages = fake.telegram.filter((c) => c.path === "sendMessage");
      assert.equal(messages.length, sent + 1, "one answer sent");
      if (pressed) {
        assert.equal(
          fake.telegram.filter((c) => c.path === "answerCallbackQuery").length,
          answered + 1,
          "press acknowledged",
        );
      }
      assert.equal(messages.at(-1)?.body.chat_id, String(chatId));
      return telegramShown(messages.at(-1));
    });
    const first = await person.send("/start");
    assert.match(first.text, /reports of problems/);
    assert.ok(
      first.options.some((o) => o.label === "English"),
      "the language as buttons",
    );
    const end = await guidedReport(person, { contact: "No" });
    const code = TRACKING_CODE.exec(end)?.[1];
    assert.ok(code, end);
    assert.deepEqual(await channelOf(code), ["telegram"]);

    // Telegram delivers the last update again: no answer, no second report.
    const sent = fake.telegram.length;
    const replay = await telegramPost(lastUpdate);
    assert.equal(replay.statusCode, 200);
    assert.deepEqual(replay.json(), { received: false });
    assert.equal(fake.telegram.length, sent + 1, "only the press is acknowledged again");
    assert.equal(await reportsIn("telegram"), before + 1);

    // The chat id is nowhere in clear.
    for (const table of ["channel_sessions", "messenger_outbox", "channel_messages"]) {
      const dump = await t.database.rows<{ row: string }>(sql.raw(`SELECT t::text AS row FROM ${table} t`));
      assert.ok(
        dump.every((r) => !r.row.includes(String(chatId))),
        table,
      );
    }
  });

  test("Telegram: a missing or wrong secret token is refused and changes nothing", async () => {
    const sessions = await count("channel_sessions");
    const messages = await count("channel_messages");
    const calls = fake.telegram.length;
    for (const secret of [null, "wrong_secret_0123456789", `${TG_SECRET}x`]) {
      const res = await telegramPost(telegramUpdate(777000999, "/start", false), secret);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "UNAUTHENTICATED");
    }
    assert.equal(await count("channel_sessions"), sessions);
    assert.equal(await count("channel_messages"), messages);
    assert.equal(fake.telegram.length, calls, "nothing sent");
  });

  test("Telegram: an answer the Bot API could not take is sent again later", async () => {
    fake.failNext(1);
    const chatId = 777000333;
    const sent = fake.telegram.length;
    const res = await telegramPost(telegramUpdate(chatId, "/start", false));
    assert.equal(res.statusCode, 200);
    assert.equal(fake.telegram.length, sent, "the first attempt failed");
    const ctx = systemCtx({ ...t.app.services, log: t.app.log });
    await deliverDueMessenger(ctx, new Date(Date.now() + 5 * 60_000));
    const toThem = fake.telegram.filter((c) => c.body.chat_id === String(chatId));
    assert.equal(toThem.length, 1);
  });

  const signed = (payload: string, secret = WA_SECRET) =>
    `sha256=${crypto.createHmac("sha256", secret).update(payload).digest("hex")}`;
  const whatsAppPost = (payload: string, signature: string | null) =>
    t.app.inject({
      method: "POST",
      url: WA_URL,
      headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) },
      payload,
    });
  /** A notification as Meta sends it (integrations.md §3.2), with one message. */
  const whatsAppNotification = (from: string, id: string, text: string, pressed: boolean) =>
    JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "16505551111", phone_number_id: PHONE_NUMBER_ID },
                contacts: [{ profile: { name: "test user name" }, wa_id: from }],
                messages: [
                  pressed
                    ? {
                        from,
                        id,
                        timestamp: "1504902988",
                        type: "interactive",
                        interactive: { type: "button_reply", button_reply: { id: text, title: "x" } },
                      }
                    : { from, id, timestamp: "1504902988", type: "text", text: { body: text } },
                ],
              },
            },
          ],
        },
      ],
    });

  test("WhatsApp: the verification answers the challenge only with the verify token", async () => {
    const ok = await t.app.inject({
      method: "GET",
      url: `${WA_URL}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${WA_VERIFY}`,
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.body, "1158201444");
    const wrong = await t.app.inject({
      method: "GET",
      url: `${WA_URL}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock`,
    });
    assert.equal(wrong.statusCode, 403);
    assert.ok(!wrong.body.includes("1158201444"));
  });

  test("WhatsApp: a signed conversation makes a report; buttons, lists or numbers; a replay makes nothing", async () => {
    const from = "16315551181";
    const before = await reportsIn("whatsapp");
    let last = "";
    const person = new ChatPerson(async (text, pressed) => {
      last = whatsAppNotification(from, `wamid.${crypto.randomUUID()}`, text, pressed);
      const sent = fake.whatsapp.length;
      const res = await whatsAppPost(last, signed(last));
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(fake.whatsapp.length, sent + 1, "one answer sent");
      const call = fake.whatsapp.at(-1);
      assert.equal(call?.path, `${PHONE_NUMBER_ID}/messages`);
      assert.equal(call?.body.to, from);
      return whatsAppShown(call);
    });
    await person.send("Hi");
    const end = await guidedReport(person, { contact: "No" });
    const code = TRACKING_CODE.exec(end)?.[1];
    assert.ok(code, end);
    assert.deepEqual(await channelOf(code), ["whatsapp"]);
    // Yes/No came as reply buttons, the shorter lists as list messages.
    const kinds = new Set(
      fake.whatsapp.map((c) => (c.body as { interactive?: { type: string } }).interactive?.type ?? "text"),
    );
    assert.ok(kinds.has("button") && kinds.has("list"), [...kinds].join());

    const sent = fake.whatsapp.length;
    const replay = await whatsAppPost(last, signed(last));
    assert.equal(replay.statusCode, 200);
    assert.deepEqual(replay.json(), { received: false });
    assert.equal(fake.whatsapp.length, sent, "nothing sent again");
    assert.equal(await reportsIn("whatsapp"), before + 1);
  });

  test("WhatsApp: a missing or wrong signature is refused and changes nothing; statuses are acknowledged", async () => {
    const sessions = await count("channel_sessions");
    const messages = await count("channel_messages");
    const sent = fake.whatsapp.length;
    const payload = whatsAppNotification("16315550000", "wamid.forged", "Hi", false);
    for (const signature of [null, signed(payload, "another-secret"), signed(`${payload} `), "sha256=00"]) {
      const res = await whatsAppPost(payload, signature);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, "UNAUTHENTICATED");
    }
    assert.equal(await count("channel_sessions"), sessions);
    assert.equal(await count("channel_messages"), messages);
    assert.equal(fake.whatsapp.length, sent);

    const statuses = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "102290129340398",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "16505551111", phone_number_id: PHONE_NUMBER_ID },
                statuses: [
                  { id: "wamid.OUT1", status: "delivered", timestamp: "1504902990", recipient_id: "16315551181" },
                ],
              },
            },
          ],
        },
      ],
    });
    const res = await whatsAppPost(statuses, signed(statuses));
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { received: false });
    assert.equal(fake.whatsapp.length, sent);
  });

  test("Set-up: credentials are stored encrypted, never returned, audited; the environment wins and says so", async () => {
    const admin = await sessionOf(t.app, account(t.demoAccounts, "system_admin"));
    const get = async () => {
      const res = await t.app.inject({ method: "GET", url: "/api/channels/providers", headers: { cookie: admin } });
      assert.equal(res.statusCode, 200, res.body);
      return res;
    };
    const twilioToken = "stored-twilio-auth-token-0001";
    const put = await t.app.inject({
      method: "PUT",
      url: "/api/channels/providers/twilio",
      headers: { cookie: admin },
      payload: { enabled: true, values: { accountSid: "AC0000000000000000000000000000beef", authToken: twilioToken } },
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.ok(!put.body.includes(twilioToken), "not in the answer to the save");
    const view = await get();
    assert.ok(!view.body.includes(twilioToken), "never returned");
    const twilio = view.json().providers.find((p: { provider: string }) => p.provider === "twilio");
    const field = (key: string) => twilio.fields.find((f: { key: string }) => f.key === key);
    assert.deepEqual(
      { set: field("authToken").set, value: field("authToken").value, env: field("authToken").fromEnvironment },
      { set: true, value: null, env: false },
    );
    assert.equal(field("accountSid").value, "AC0000000000000000000000000000beef");
    const stored = await t.database.rows<{ secrets_enc: string }>(sql`SELECT secrets_enc FROM channel_providers`);
    assert.ok(
      stored.every((r) => !r.secrets_enc.includes(twilioToken)),
      "encrypted at rest",
    );
    const audit = await t.database.rows<{ details: string }>(
      sql`SELECT details::text FROM audit_events WHERE action = 'channels.provider_update' ORDER BY seq DESC LIMIT 1`,
    );
    assert.match(audit[0]?.details ?? "", /"authToken": ?"set"/);
    assert.ok(!audit[0]?.details.includes(twilioToken));

    // The stored token is what the Twilio webhook now checks signatures with.
    const fields = {
      MessageSid: `SM${crypto.randomBytes(16).toString("hex")}`,
      From: "+15005550077",
      To: "+15005550001",
      Body: "hello",
    };
    const url = "/api/channels/twilio/sms";
    const signature = twilioSignature(twilioToken, `http://clm.example.org${url}`, fields);
    const res = await postForm(t.app, url, fields, { host: "clm.example.org", "x-twilio-signature": signature });
    assert.equal(res.statusCode, 200, res.body);

    // Telegram's token comes from the environment: the page says so, and a stored one does not replace it.
    const telegram = (await get()).json().providers.find((p: { provider: string }) => p.provider === "telegram");
    const botToken = telegram.fields.find((f: { key: string }) => f.key === "botToken");
    assert.deepEqual(
      { set: botToken.set, env: botToken.fromEnvironment, name: botToken.env },
      {
        set: true,
        env: true,
        name: "TELEGRAM_BOT_TOKEN",
      },
    );
    assert.ok(!(await get()).body.includes(TG_TOKEN));

    // Cleared: not set any more, and the Twilio webhook has nothing to check with.
    const cleared = await t.app.inject({
      method: "PUT",
      url: "/api/channels/providers/twilio",
      headers: { cookie: admin },
      payload: { enabled: true, values: { authToken: null } },
    });
    assert.equal(cleared.statusCode, 200);
    assert.equal(cleared.json().fields.find((f: { key: string }) => f.key === "authToken").set, false);
    const after = await postForm(t.app, url, fields, { host: "clm.example.org", "x-twilio-signature": signature });
    assert.equal(after.statusCode, 503);
  });

  test("the simulator runs a USSD report through the conversation code, stores no report and sends nothing", async () => {
    const admin = await sessionOf(t.app, account(t.demoAccounts, "country_admin"));
    const reports = await count("reports");
    const outbox = (await count("channel_outbox")) + (await count("messenger_outbox"));
    const sessionId = crypto.randomUUID();
    const answers: string[] = [];
    const turn = async (answer?: string) => {
      if (answer !== undefined) answers.push(answer);
      const res = await t.app.inject({
        method: "POST",
        url: "/api/channels/simulator",
        headers: { cookie: admin },
        payload: { channel: "ussd", sessionId, text: answers.join("*") },
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { text: string; final: boolean; simulated: true };
    };
    const pickLine = (screen: string, wanted: (l: string) => boolean) => {
      const line = screen
        .split("\n")
        .map((l) => /^(\d+) (.+)$/.exec(l))
        .find((m) => m && m[1] !== "0" && m[1] !== "00" && wanted(m[2] as string));
      return line?.[1];
    };
    let screen = (await turn()).text;
    let final = false;
    // Always the first option, letters "1" for the whole district list, until the end.
    for (let i = 0; i < 40 && !final; i++) {
      const choice = screen.includes("first letters")
        ? "1"
        : (pickLine(screen, (l) => l === "English") ?? pickLine(screen, () => true) ?? "1");
      const r = await turn(choice);
      screen = r.text;
      final = r.final;
    }
    assert.ok(final, screen);
    assert.match(screen, /^TEST/);

    // By SMS: the keyword starts the same questions; the simulated answer comes back on the page, not by SMS.
    const sms = async (text: string) => {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/channels/simulator",
        headers: { cookie: admin },
        payload: { channel: "sms", sessionId, text },
      });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { text: string }).text;
    };
    assert.match(await sms("hello"), /reply REPORT/);
    assert.match(await sms("REPORT"), /English/);
    assert.equal(await count("reports"), reports, "no report stored");
    assert.equal((await count("channel_outbox")) + (await count("messenger_outbox")), outbox, "nothing sent");
  });

  /** The report's id, and the reporter's messages on it (decrypted), oldest first. */
  const reportIdOf = async (code: string) =>
    (
      await t.database.rows<{ id: string }>(
        sql`SELECT id FROM reports WHERE tracking_code_hash = ${trackingCodeHash(t.cipher, code)}`,
      )
    )[0]?.id as string;
  const reporterMessages = async (id: string) =>
    (
      await t.database.rows<{ body_enc: string }>(
        sql`SELECT body_enc FROM report_messages WHERE report_id = ${id} AND "from" = 'reporter' ORDER BY id`,
      )
    ).map((r) => t.cipher.decrypt(r.body_enc));

  test("Telegram: a responder's reply reaches the chat (no TB, no words); the answer there lands on the report once", async () => {
    const chatId = 777000444555;
    let lastUpdate: unknown;
    const post = async (text: string, pressed: boolean) => {
      lastUpdate = telegramUpdate(chatId, text, pressed);
      const res = await telegramPost(lastUpdate);
      assert.equal(res.statusCode, 200, res.body);
      return res;
    };
    const person = new ChatPerson(async (text, pressed) => {
      await post(text, pressed);
      return telegramShown(fake.telegram.filter((c) => c.path === "sendMessage").at(-1));
    });
    await person.send("/start");
    const code = TRACKING_CODE.exec(await guidedReport(person, { contact: "Yes" }))?.[1] as string;
    const id = await reportIdOf(code);
    const dm = await sessionOf(t.app, account(t.demoAccounts, "data_manager"));
    const sent = await staff.post(dm, `/api/inbox/reports/${id}/messages`, { body: RESPONDER_WORDS });
    assert.equal(sent.statusCode, 200, sent.body);
    const notice = fake.telegram.filter((c) => c.path === "sendMessage").at(-1);
    assert.equal(notice?.body.chat_id, String(chatId));
    const text = String(notice?.body.text);
    assert.ok(text.includes(code), text);
    assert.ok(text.includes(`${PUBLIC_URL}/track`), text);
    assert.match(text, /reply in this chat/);
    assert.doesNotMatch(text, ILLNESS);
    for (const word of ["bring", "treatment", "Dalbek", "Monday"]) assert.ok(!text.includes(word), word);

    // The reporter answers in the chat: the message lands on the report and is acknowledged, once.
    await post("Thank you, I will come on Monday", false);
    assert.match(String(fake.telegram.filter((c) => c.path === "sendMessage").at(-1)?.body.text), /added to report/);
    assert.deepEqual(await reporterMessages(id), ["Thank you, I will come on Monday"]);
    const calls = fake.telegram.length;
    const replay = await telegramPost(lastUpdate);
    assert.deepEqual(replay.json(), { received: false });
    assert.equal(fake.telegram.length, calls, "nothing said twice");
    assert.deepEqual(await reporterMessages(id), ["Thank you, I will come on Monday"]);
    // The chat id is kept encrypted only.
    const dump = await t.database.rows<{ row: string }>(sql`SELECT t::text AS row FROM report_chats t`);
    assert.ok(dump.length > 0 && dump.every((r) => !r.row.includes(String(chatId))));
  });

  test("WhatsApp: free-form within 24 hours of the person's last message, the configured template after", async () => {
    const from = "16315552222";
    const person = new ChatPerson(async (text, pressed) => {
      const payload = whatsAppNotification(from, `wamid.${crypto.randomUUID()}`, text, pressed);
      const res = await whatsAppPost(payload, signed(payload));
      assert.equal(res.statusCode, 200, res.body);
      return whatsAppShown(fake.whatsapp.at(-1));
    });
    await person.send("Hi");
    const code = TRACKING_CODE.exec(await guidedReport(person, { contact: "Yes" }))?.[1] as string;
    const id = await reportIdOf(code);
    const dm = await sessionOf(t.app, account(t.demoAccounts, "data_manager"));
    const reply = () => staff.post(dm, `/api/inbox/reports/${id}/messages`, { body: RESPONDER_WORDS });

    assert.equal((await reply()).statusCode, 200);
    const inWindow = fake.whatsapp.at(-1)?.body as { to: string; type: string; text: { body: string } };
    assert.deepEqual([inWindow.to, inWindow.type], [from, "text"]);
    assert.ok(inWindow.text.body.includes(code));
    assert.doesNotMatch(inWindow.text.body, ILLNESS);
    assert.ok(!inWindow.text.body.includes("Dalbek"));

    // A day later, without a template: nothing can go by WhatsApp (and no SMS provider is set up here).
    await t.database.exec(`UPDATE report_chats SET last_inbound_at = now() - interval '25 hours'`);
    let calls = fake.whatsapp.length;
    assert.equal((await reply()).statusCode, 200);
    assert.equal(fake.whatsapp.length, calls, "no free-form message outside the window");

    // With the approved template configured: the template, its one variable the tracking code.
    const admin = await sessionOf(t.app, account(t.demoAccounts, "system_admin"));
    const put = await t.app.inject({
      method: "PUT",
      url: "/api/channels/providers/whatsapp",
      headers: { cookie: admin },
      payload: { enabled: true, values: { replyTemplate: "report_reply", replyTemplateLanguage: "en" } },
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal((await reply()).statusCode, 200);
    const template = fake.whatsapp.at(-1)?.body as {
      type: string;
      template: { name: string; language: { code: string }; components: unknown };
    };
    assert.equal(template.type, "template");
    assert.deepEqual(
      [template.template.name, template.template.language.code, template.template.components],
      ["report_reply", "en", [{ type: "body", parameters: [{ type: "text", text: code }] }]],
    );

    // The person writes again: it lands on the report, and the window is open again for free-form messages.
    calls = fake.whatsapp.length;
    await person.send("I will come");
    assert.deepEqual(await reporterMessages(id), ["I will come"]);
    const lastBody = () => (fake.whatsapp.at(-1)?.body ?? {}) as { type?: string; text?: { body: string } };
    assert.match(String(lastBody().text?.body), /added to report/);
    assert.equal((await reply()).statusCode, 200);
    assert.equal(lastBody().type, "text");
    assert.equal(fake.whatsapp.length, calls + 2);

    // Erased by the reporter: the chat is forgotten, and nothing more goes there.
    const erased = await t.app.inject({ method: "DELETE", url: `/api/reports/track/${code}` });
    assert.equal(erased.statusCode, 200, erased.body);
    const left = await t.database.rows(sql`SELECT 1 FROM report_chats WHERE report_id = ${id}`);
    assert.equal(left.length, 0);
  });

  test("Set-up: the Telegram webhook is registered with PUBLIC_URL and the secret, and its status shown", async () => {
    const admin = await sessionOf(t.app, account(t.demoAccounts, "system_admin"));
    const res = await t.app.inject({
      method: "POST",
      url: "/api/channels/telegram/webhook-registration",
      headers: { cookie: admin },
    });
    assert.equal(res.statusCode, 200, res.body);
    const expected = `${PUBLIC_URL}/api/channels/telegram/webhook`;
    assert.deepEqual([res.json().ok, res.json().info.url, res.json().expectedUrl], [true, expected, expected]);
    const call = fake.telegram.filter((c) => c.path === "setWebhook").at(-1);
    assert.deepEqual(call?.body, {
      url: expected,
      secret_token: TG_SECRET,
      allowed_updates: ["message", "callback_query"],
    });
    assert.ok(!res.body.includes(TG_SECRET) && !res.body.includes(TG_TOKEN));
    const info = await t.app.inject({
      method: "GET",
      url: "/api/channels/telegram/webhook-info",
      headers: { cookie: admin },
    });
    assert.equal(info.statusCode, 200, info.body);
    assert.equal(info.json().info.url, expected);
    const audited = await t.database.rows(sql`SELECT 1 FROM audit_events WHERE action = 'channels.telegram_webhook'`);
    assert.equal(audited.length, 1);
  });

  test("the server's logs hold neither chat ids nor WhatsApp numbers", () => {
    assert.ok(logLines.length > 0);
    for (const id of ["777000111222", "16315551181", "777000333", "777000444555", "16315552222"]) {
      assert.deepEqual(
        logLines.filter((l) => l.includes(id)),
        [],
        id,
      );
    }
  });
});

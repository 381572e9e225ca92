import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { fitsScreen, toGsm } from "../channels/screen.js";

/** A label as a screen shows it: in GSM 7-bit letters, perhaps shortened to fit (ending in "."). */
export const shown = (expected: string) => (label: string) => {
  const full = toGsm(expected);
  const cut = label.endsWith(".") ? label.slice(0, -1) : label;
  return label === full || (cut.length >= 4 && full.startsWith(cut));
};

/** Answers the option whose label satisfies `wanted`, turning pages ("0") until it is on the screen. */
async function chooseOn(
  phone: { last: string; send(answer: string): Promise<string> },
  wanted: (label: string) => boolean,
  what: string,
): Promise<string> {
  for (let turns = 0; turns < 20; turns++) {
    const found = optionsOf(phone.last).find((o) => o.n !== "0" && o.n !== "00" && wanted(o.label));
    if (found) return phone.send(found.n);
    assert.ok(
      optionsOf(phone.last).some((o) => o.n === "0"),
      `no "${what}" and no more pages on:\n${phone.last}`,
    );
    await phone.send("0");
  }
  throw new Error(`"${what}" not found`);
}

/** Someone texting: `deliver` posts one inbound SMS and answers the reply it caused. */
export class SmsPhone {
  readonly replies: string[] = [];
  constructor(private readonly deliver: (text: string) => Promise<string>) {}

  get last(): string {
    return this.replies.at(-1) ?? "";
  }

  async send(text: string): Promise<string> {
    const reply = await this.deliver(text);
    this.replies.push(reply);
    return reply;
  }

  choose(wanted: (label: string) => boolean, what: string): Promise<string> {
    return chooseOn(this, wanted, what);
  }
}

/** Posts form fields as a provider does. */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** The numbered options of a screen: "3 Yesterday" → { n: "3", label: "Yesterday" } ("0 More", "00 Back" too). */
export function optionsOf(screen: string): { n: string; label: string }[] {
  return screen
    .replace(/^(CON|END) /, "")
    .split("\n")
    .map((line) => /^(\d+) (.+)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ n: m[1] as string, label: m[2] as string }));
}

/**
 * A person on a basic phone dialling the service code (Africa's Talking's USSD callback): each answer is appended
 * to `text` with `*`; every screen is checked to fit one USSD string and kept for the test to count.
 */
export class UssdPhone {
  readonly screens: string[] = [];
  private readonly answers: string[] = [];

  constructor(
    private app: FastifyInstance,
    readonly sessionId: string,
    readonly phoneNumber = "+254711000111",
    private url = "/api/channels/africastalking/ussd",
  ) {}

  get last(): string {
    return this.screens.at(-1) ?? "";
  }

  /** Points the phone at another app (the server restarted) without losing the session. */
  useApp(app: FastifyInstance) {
    this.app = app;
  }

  async dial(): Promise<string> {
    return this.request();
  }

  async send(answer: string): Promise<string> {
    this.answers.push(answer);
    return this.request();
  }

  /** The same request again, as the gateway does when it did not get the answer. */
  async repeat(): Promise<string> {
    return this.request();
  }

  choose(wanted: (label: string) => boolean, what: string): Promise<string> {
    return chooseOn(this, wanted, what);
  }

  private async request(): Promise<string> {
    const res = await postForm(this.app, this.url, {
      sessionId: this.sessionId,
      serviceCode: "*384*1234#",
      phoneNumber: this.phoneNumber,
      networkCode: "63902",
      text: this.answers.join("*"),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers["content-type"]), /^text\/plain/);
    assert.match(res.body, /^(CON|END) /, "every answer starts CON or END");
    assert.ok(fitsScreen(res.body), `screen too long (${res.body.length}):\n${res.body}`);
    this.screens.push(res.body);
    return res.body;
  }
}

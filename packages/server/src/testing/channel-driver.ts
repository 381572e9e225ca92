import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import { fitsScreen } from "../channels/screen.js";

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

  /** Answers the option whose label satisfies `wanted`, turning pages ("0") until it is on the screen. */
  async choose(wanted: (label: string) => boolean, what: string): Promise<string> {
    for (let turns = 0; turns < 20; turns++) {
      const found = optionsOf(this.last).find((o) => o.n !== "0" && o.n !== "00" && wanted(o.label));
      if (found) return this.send(found.n);
      assert.ok(optionsOf(this.last).some((o) => o.n === "0"), `no "${what}" and no more pages on:\n${this.last}`);
      await this.send("0");
    }
    throw new Error(`"${what}" not found`);
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

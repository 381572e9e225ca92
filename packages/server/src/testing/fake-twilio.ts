import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeTwilioSms {
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
  sid: string;
}

/**
 * A stand-in for Twilio's Messages API on 127.0.0.1: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, HTTP
 * basic auth with the account SID and auth token, form body `To, From, Body[, StatusCallback]`, answered 201 with the
 * message resource (`sid` `SM…`, `status` "queued"). `failNext(n)` makes the next n sends fail with HTTP 500.
 */
export async function startFakeTwilio(opts: { accountSid: string; authToken: string }) {
  const sent: FakeTwilioSms[] = [];
  let failures = 0;
  const expectedAuth = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString("base64")}`;
  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== `/2010-04-01/Accounts/${opts.accountSid}/Messages.json`) {
        return send(404, { code: 20404, message: "The requested resource was not found" });
      }
      if (req.headers.authorization !== expectedAuth) return send(401, { code: 20003, message: "Authenticate" });
      if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
        return send(415, { message: "form body expected" });
      }
      if (failures > 0) {
        failures--;
        return send(500, { code: 20500, message: "Internal Server Error" });
      }
      const form = new URLSearchParams(raw);
      const to = form.get("To") ?? "";
      const from = form.get("From") ?? "";
      const body = form.get("Body") ?? "";
      if (!to || !from || !body) return send(400, { code: 21602, message: "Message body is required" });
      const sid = `SM${crypto.randomBytes(16).toString("hex")}`;
      sent.push({ to, from, body, sid, statusCallback: form.get("StatusCallback") ?? undefined });
      send(201, { sid, status: "queued", to, from, body, account_sid: opts.accountSid, num_segments: "1" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    failNext: (n: number) => {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeSms {
  username: string;
  to: string;
  message: string;
  from?: string;
}

/**
 * A stand-in for Africa's Talking's SMS API on 127.0.0.1 (reference integrations.md §2.3): `POST /version1/messaging`
 * with header `apiKey` and a form body `username, to, message[, from]`, answered 201 with `SMSMessageData.Recipients`.
 * `failNext(n)` makes the next n sends fail with HTTP 500, as an outage would.
 */
export async function startFakeAfricasTalking(opts: { username: string; apiKey: string }) {
  const sent: FakeSms[] = [];
  let failures = 0;
  let seq = 0;
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
      if (req.method !== "POST" || req.url !== "/version1/messaging") return send(404, { error: "not found" });
      if (req.headers.apikey !== opts.apiKey) return send(401, { error: "The supplied authentication is invalid" });
      if (!String(req.headers["content-type"]).startsWith("application/x-www-form-urlencoded")) {
        return send(415, { error: "form body expected" });
      }
      if (failures > 0) {
        failures--;
        return send(500, { error: "temporarily unavailable" });
      }
      const form = new URLSearchParams(raw);
      const sms = {
        username: form.get("username") ?? "",
        to: form.get("to") ?? "",
        message: form.get("message") ?? "",
        from: form.get("from") ?? undefined,
      };
      if (sms.username !== opts.username || !sms.to || !sms.message) return send(400, { error: "bad request" });
      sent.push(sms);
      send(201, {
        SMSMessageData: {
          Message: "Sent to 1/1 Total Cost: KES 0.8000",
          Recipients: [
            { statusCode: 101, number: sms.to, status: "Success", cost: "KES 0.8000", messageId: `ATPid_${++seq}` },
          ],
        },
      });
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

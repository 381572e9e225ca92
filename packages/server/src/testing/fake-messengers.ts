import http from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeCall {
  path: string;
  body: Record<string, unknown>;
}

/**
 * Stand-ins on 127.0.0.1 for the Telegram Bot API (`POST /bot<token>/<method>`, answered `{ok:true,result}`) and
 * the WhatsApp Cloud API (`POST /<phone-number-id>/messages` with `Authorization: Bearer <token>`, answered
 * `{messages:[{id}]}`), reference integrations.md §3; `setWebhook` / `getWebhookInfo` remember and answer the address. A call with the wrong token is refused (401) and not recorded;
 * `failNext(n)` makes the next n calls fail with HTTP 500.
 */
export async function startFakeMessengers(opts: { telegramToken: string; whatsappToken: string }) {
  const telegram: FakeCall[] = [];
  const whatsapp: FakeCall[] = [];
  let failures = 0;
  let seq = 0;
  /** The address the last setWebhook registered (getWebhookInfo answers it). */
  let webhookUrl = "";
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
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return send(400, { ok: false, description: "Bad Request: invalid JSON" });
      }
      const url = req.url ?? "";
      if (failures > 0) {
        failures--;
        return send(500, { ok: false, description: "Internal Server Error" });
      }
      const tg = /^\/bot([^/]+)\/(\w+)$/.exec(url);
      if (req.method === "POST" && tg) {
        if (tg[1] !== opts.telegramToken) return send(401, { ok: false, description: "Unauthorized" });
        telegram.push({ path: tg[2] as string, body });
        if (tg[2] === "setWebhook") {
          webhookUrl = String(body.url ?? "");
          return send(200, { ok: true, result: true, description: "Webhook was set" });
        }
        if (tg[2] === "getWebhookInfo") {
          return send(200, {
            ok: true,
            result: { url: webhookUrl, has_custom_certificate: false, pending_update_count: 0 },
          });
        }
        return send(200, { ok: true, result: tg[2] === "sendMessage" ? { message_id: ++seq } : true });
      }
      const wa = /^\/(\d+)\/messages$/.exec(url);
      if (req.method === "POST" && wa) {
        if (req.headers.authorization !== `Bearer ${opts.whatsappToken}`) {
          return send(401, { error: { message: "Invalid OAuth access token.", code: 190 } });
        }
        whatsapp.push({ path: `${wa[1]}/messages`, body });
        return send(200, {
          messaging_product: "whatsapp",
          contacts: [{ input: body.to, wa_id: body.to }],
          messages: [{ id: `wamid.OUT${++seq}` }],
        });
      }
      send(404, { ok: false, description: "Not Found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    telegram,
    whatsapp,
    failNext: (n: number) => {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

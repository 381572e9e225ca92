import crypto from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { errorEnvelope } from "./responses.js";

/** One gauge whose values are read when Prometheus scrapes (a queue depth, a lag), never on a timer. */
export interface ScrapedGauge {
  name: string;
  help: string;
  labelNames?: string[];
  read: () => Promise<Array<{ labels?: Record<string, string>; value: number }>>;
}

/** Latency buckets (seconds) around the budgets of PRODUCT.md §5: 50 ms queries, 200 ms pages, slow exports. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5, 10];

/**
 * `/metrics` in Prometheus text format for the operator's own monitoring (issue 21 item 6), behind its own token:
 * request rate and latency per route, the process (CPU, memory, event-loop delay) and whatever gauges the
 * composition root passes (job queues, aggregator lag, database pool). Without a token the route does not exist.
 * Each process answers for itself; scrape every process (docs/deploy.md).
 */
export function registerMetrics(app: FastifyInstance, opts: { token: string; gauges: ScrapedGauge[] }): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "openclm_" });
  const requests = new Histogram({
    name: "openclm_http_request_duration_seconds",
    help: "HTTP requests by method, route pattern and status class, and how long they took",
    labelNames: ["method", "route", "status"],
    buckets: BUCKETS,
    registers: [registry],
  });
  for (const g of opts.gauges) {
    new Gauge({
      name: g.name,
      help: g.help,
      labelNames: g.labelNames ?? [],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await g.read()) {
          if (labels) this.set(labels, value);
          else this.set(value);
        }
      },
    });
  }

  app.addHook("onResponse", async (req, reply) => {
    // The route pattern, never the URL: ids and tracking codes must not become label values.
    const route = req.routeOptions.url ?? "unmatched";
    if (route === "/metrics") return;
    requests.observe(
      { method: req.method, route, status: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
  });

  const expected = digest(opts.token);
  app.get("/metrics", { schema: { hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!given || !crypto.timingSafeEqual(digest(given), expected)) {
      return reply
        .code(401)
        .header("WWW-Authenticate", 'Bearer realm="metrics"')
        .header("Cache-Control", "no-store")
        .send(errorEnvelope("UNAUTHENTICATED", "The metrics token is missing or wrong"));
    }
    const body = await registry.metrics();
    return reply.header("Content-Type", registry.contentType).header("Cache-Control", "no-store").send(body);
  });
}

function digest(value: string): Buffer {
  return crypto.createHash("sha256").update(value).digest();
}

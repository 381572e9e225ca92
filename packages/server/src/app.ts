import cookie from "@fastify/cookie";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { registerCommunityHooks } from "./community/community.hooks.js";
import type { Config } from "./config/config.js";
import type { FieldCipher } from "./crypto/field-cipher.js";
import { aggregatorBacklog } from "./dashboard/aggregator.js";
import type { Database } from "./db/database.js";
import { registerDeskHooks } from "./desks/desks.hooks.js";
import { helpRoutes } from "./help/help.routes.js";
import { registerAuthHooks } from "./identity/auth.hooks.js";
import { AppError } from "./platform/app-error.js";
import { registerApiCacheDefault } from "./platform/cache-control.js";
import { registerCompression } from "./platform/compression.js";
import { registerErrorHandling } from "./platform/error-handler.js";
import {
  clientErrorHandler,
  defaultHttpTimeouts,
  frameworkErrors,
  type HttpTimeouts,
  timeoutOptions,
} from "./platform/http-limits.js";
import { jobQueueDepths } from "./platform/job-runner.js";
import { loggerOptions } from "./platform/logger.js";
import { registerMetrics, type ScrapedGauge } from "./platform/metrics.js";
import { registerOpenApi } from "./platform/openapi.js";
import { followSettingChanges } from "./platform/platform.repo.js";
import { registerRateLimitHooks } from "./platform/rate-limit.hooks.js";
import { requestIdFor } from "./platform/request-context.js";
import { errorEnvelope } from "./platform/responses.js";
import { registerSecurityHeaders } from "./platform/security-headers.js";
import { isSurfacePath, registerWebAssets } from "./platform/web-assets.js";
import { followReportLookupChanges } from "./reports/reports.lookups.js";
import { registerRoutes } from "./routes.js";
import { mapTileOrigin } from "./settings/map-tiles.js";

export interface BuildAppOptions {
  config: Config;
  database: Database;
  cipher: FieldCipher;
  logger?: FastifyBaseLogger | boolean;
  /** The built web app to serve (packages/web/dist by default); tests give one of their own. */
  webDistDir?: string;
  /** Defaults suit production; tests shorten them. */
  timeouts?: Partial<HttpTimeouts>;
}

/** Request bodies are small by design (a report is well under this); bigger ones are refused with 413. */
export const BODY_LIMIT = 64 * 1024;

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: typeof opts.logger === "object" ? opts.logger : undefined,
    // Even the throwaway logger of `TEST_LOG=1` keeps tracking codes and search terms out of its lines.
    logger: opts.logger === true ? loggerOptions({ logLevel: "info" }) : undefined,
    bodyLimit: BODY_LIMIT,
    trustProxy: opts.config.trustProxy,
    genReqId: (req) => requestIdFor(req.headers, opts.config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
    ...timeoutOptions({ ...defaultHttpTimeouts, ...opts.timeouts }),
    clientErrorHandler,
    frameworkErrors,
    // Requests during shutdown get our 503 envelope (onRequest below), not Fastify's own shape.
    return503OnClosing: false,
    // Fastify gives each plugin 10 s to register; on a loaded 2-core server the static files' routes and the schemas
    // of every route can take longer, and a start that fails for being slow is worse than a slow start.
    pluginTimeout: 60_000,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("services", { config: opts.config, database: opts.database, log: app.log, cipher: opts.cipher });
  app.decorateRequest("actor", null as never);
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  app.addHook("onRequest", async (req, reply) => {
    req.actor = { type: "anonymous" };
    reply.header("X-Request-Id", req.id);
    if (closing) {
      reply.header("Connection", "close");
      throw new AppError("SERVICE_UNAVAILABLE", "The server is restarting; try again shortly");
    }
  });

  registerErrorHandling(app);
  await followSetupChanges(app, opts.database);
  if (opts.config.metricsToken) {
    registerMetrics(app, { token: opts.config.metricsToken, gauges: operatorGauges(opts.database) });
  }
  await registerSecurityHeaders(app, {
    https: opts.config.trustProxy,
    tileOrigin: () => mapTileOrigin(opts.database.db),
  });
  // Before any route or the static files: it hooks every route as it is added.
  await registerCompression(app);
  registerApiCacheDefault(app);
  await app.register(cookie); // before the auth hooks, which read the session cookie
  registerAuthHooks(app);
  registerCommunityHooks(app);
  registerDeskHooks(app);
  registerRateLimitHooks(app);
  await registerOpenApi(app);
  await app.register(registerRoutes, { prefix: "/api" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(helpRoutes);

  const web = await registerWebAssets(app, { distDir: opts.webDistDir });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === "GET" && !req.url.startsWith("/api/") && isSurfacePath(req.url))
      return web.sendIndex(req, reply);
    return reply
      .code(404)
      .send(errorEnvelope("ROUTE_NOT_FOUND", `No route for ${req.method} ${req.url.split("?")[0]}`));
  });
  return app;
}

/**
 * Set-up changes made by another process (taxonomy edits, settings) reach this one's cached intake lookups and settings
 * at once. Without the notifications they would still expire within their short lifetime, so a failure to listen is logged, not fatal.
 */
async function followSetupChanges(app: FastifyInstance, database: Database) {
  try {
    const stops = [await followReportLookupChanges(database), await followSettingChanges(database)];
    app.addHook("onClose", async () => {
      for (const stop of stops) await stop();
    });
  } catch (err) {
    app.log.warn({ err: (err as Error).message }, "cannot listen for set-up changes; lookups expire on their own");
  }
}

/** What an operator watches besides requests (docs/deploy.md): the job queues, the aggregates' lag, the pool. */
function operatorGauges(database: Database): ScrapedGauge[] {
  const backlog = () => aggregatorBacklog(database.db);
  const gauges: ScrapedGauge[] = [
    {
      name: "openclm_job_queue_depth",
      help: "Background jobs waiting (created, retry) or running (active), per queue",
      labelNames: ["queue", "state"],
      read: async () =>
        (await jobQueueDepths(database)).map((q) => ({ labels: { queue: q.queue, state: q.state }, value: q.count })),
    },
    {
      name: "openclm_aggregator_pending_changes",
      help: "Report changes not yet in the dashboard aggregates",
      read: async () => [{ value: (await backlog()).pending }],
    },
    {
      name: "openclm_aggregator_lag_seconds",
      help: "Seconds since the aggregates last caught up, while changes wait (0 when none wait)",
      read: async () => [{ value: (await backlog()).lagSeconds }],
    },
  ];
  const replica = database.replica;
  if (replica) {
    gauges.push({
      name: "openclm_replica_lag_seconds",
      help: "How far the read replica trails the primary (+Inf when it does not answer); reads move to the primary past REPLICA_MAX_LAG_SECONDS",
      read: async () => [{ value: await replica.lagSeconds().catch(() => Number.POSITIVE_INFINITY) }],
    });
  }
  const pool = database.poolStats?.bind(database);
  if (pool) {
    gauges.push({
      name: "openclm_db_pool_connections",
      help: "PostgreSQL connections of this process: open, idle, and requests waiting for one",
      labelNames: ["state"],
      read: async () => {
        const p = pool();
        return [
          { labels: { state: "total" }, value: p.total },
          { labels: { state: "idle" }, value: p.idle },
          { labels: { state: "waiting" }, value: p.waiting },
        ];
      },
    });
  }
  return gauges;
}

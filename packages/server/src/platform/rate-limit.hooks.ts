import type { FastifyInstance, FastifyRequest } from "fastify";
import { limitSettings, type RouteLimits } from "./rate-limit-settings.js";
import { clientAddress, enforceLimits, type LimitHit, limitKey } from "./rate-limiter.js";

/**
 * A route declares its limit in its config, beside its access: `config: { auth: "public", limit: "track" }`. The
 * limit is checked after the body is validated and before the handler runs, so a refused report never reaches
 * intake (and never joins, slows or fails a write batch).
 */
export type RouteLimitName =
  | "intake"
  | "track"
  | "trackWrite"
  | "rating"
  | "register"
  | "publicIndicators"
  | "auditVerify";

declare module "fastify" {
  interface FastifyContextConfig {
    limit?: RouteLimitName;
  }
}

export function registerRateLimitHooks(app: FastifyInstance): void {
  app.addHook("preHandler", async (req) => {
    const name = req.routeOptions.config?.limit;
    if (!name) return;
    const { database } = req.server.services;
    const hits = routeHits(name, req, (await limitSettings(database.db)).routes);
    if (hits.length > 0) await enforceLimits(database, hits);
  });
}

/**
 * The buckets a request falls in: its address, for a report also the device it says it comes from, and for the audit
 * integrity check the staff account asking.
 */
function routeHits(name: RouteLimitName, req: FastifyRequest, limits: RouteLimits): LimitHit[] {
  if (name === "auditVerify") {
    const account = req.actor.type === "staff" ? req.actor.userId : clientAddress(req.ip);
    return [{ key: limitKey("audit-verify", account), bucket: limits.auditVerifyPerAccount }];
  }
  const address = clientAddress(req.ip);
  if (name !== "intake") return [{ key: limitKey(name, address), bucket: limits[`${name}PerAddress`] }];
  // Staff reporting on someone's behalf are signed in and audited; the limit is for anonymous floods.
  if (req.actor.type === "staff" && req.actor.stage === "full") return [];
  const hits = [{ key: limitKey("intake", address), bucket: limits.intakePerAddress }];
  const deviceId = (req.body as { deviceId?: string | null } | undefined)?.deviceId;
  if (deviceId) hits.push({ key: limitKey("intake-device", deviceId.toLowerCase()), bucket: limits.intakePerDevice });
  return hits;
}

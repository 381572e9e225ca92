import type { FastifyRequest } from "fastify";
import type { Actor, Ctx, Services } from "./context.js";

declare module "fastify" {
  interface FastifyInstance {
    services: Services;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

/** Picks the first language the caller asked for: `?lang=`, then Accept-Language; the caller checks it is enabled. */
export function requestedLanguage(req: FastifyRequest): string | undefined {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (typeof q === "string" && q) return q;
  const header = req.headers["accept-language"];
  if (!header) return undefined;
  return header.split(",")[0]?.split(";")[0]?.trim().toLowerCase() || undefined;
}

export function ctxOf(req: FastifyRequest): Ctx {
  const services = req.server.services;
  return {
    services,
    db: services.database.db,
    log: req.log,
    requestId: String(req.id),
    actor: req.actor,
    language: requestedLanguage(req) ?? "en",
  };
}

import crypto from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
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

/** A request id a proxy may pass on: short, and only characters that cannot forge structure in logs or CSV. */
const FORWARDED_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The id of a request, written to logs and audit rows. Generated here; a client's `X-Request-Id` is taken only behind
 * a trusted reverse proxy (TRUST_PROXY=1, whose operator makes it set or overwrite the header) and when well formed.
 */
export function requestIdFor(headers: IncomingHttpHeaders, trustProxy: boolean): string {
  const forwarded = headers["x-request-id"];
  if (trustProxy && typeof forwarded === "string" && FORWARDED_REQUEST_ID.test(forwarded)) return forwarded;
  return crypto.randomUUID();
}

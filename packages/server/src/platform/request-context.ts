import crypto from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { languageCodeSchema } from "@openclm/contracts";
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

/** Accept-Language ranges looked at: a browser sends a handful; the rest of a long header is ignored. */
const MAX_RANGES = 8;

/**
 * The language the caller asked for: `?lang=`, then the first well-formed range of Accept-Language. Anything that
 * is not a language tag (a null byte, 8,000 characters, `*`) is ignored, so only a short well-formed tag reaches a
 * verb; which enabled language it means is decided there (negotiateLanguage).
 */
export function requestedLanguage(req: FastifyRequest): string | undefined {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  const fromQuery = typeof q === "string" ? languageTag(q) : undefined;
  if (fromQuery) return fromQuery;
  const header = req.headers["accept-language"];
  if (!header) return undefined;
  for (const range of header.split(",", MAX_RANGES)) {
    const tag = languageTag(range.split(";")[0] ?? "");
    if (tag) return tag;
  }
  return undefined;
}

/** A well-formed tag ("pt-MZ", "fr") with its primary subtag in lower case, or undefined. */
function languageTag(raw: string): string | undefined {
  const [primary = "", ...rest] = raw.trim().split("-");
  const tag = [primary.toLowerCase(), ...rest].join("-");
  return languageCodeSchema.safeParse(tag).success ? tag : undefined;
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

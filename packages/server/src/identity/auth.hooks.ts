import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { auditAlone } from "../audit/audit.service.js";
import { AppError } from "../platform/app-error.js";
import { ctxOf } from "../platform/request-context.js";
import { isSourceMap } from "../platform/web-assets.js";
import { type Permission, roleHas } from "./roles.js";
import { lookupSession, SESSION_COOKIE, sessionPolicy } from "./sessions.js";

/**
 * Every API route declares who may call it, in its route config:
 * - `auth: "public"` — anyone; `auth: "pending"` — a password-only session (finishing the second factor);
 * - `auth: "staff"` — any fully signed-in staff member; `permission: "…"` — staff whose role has it;
 * - `auth: "community"` — a signed-in community account (optional accounts of people who report).
 * A route that declares nothing fails at start-up (and so in every test run).
 */
declare module "fastify" {
  interface FastifyContextConfig {
    auth?: "public" | "pending" | "staff" | "community";
    permission?: Permission;
    /** The answer is a never-ending stream (Server-Sent Events). */
    stream?: boolean;
    /** Reachable by a member who must first change a password an administrator chose (getMe, changePassword). */
    beforePasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function sessionCookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "strict" as const, secure };
}

export interface RouteAccess {
  method: string;
  url: string;
  /** The OpenAPI operationId: the authorisation matrix test names its expected answers by it. */
  operationId?: string;
  auth?: "public" | "pending" | "staff" | "community";
  permission?: Permission;
  stream?: boolean;
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every API route with the access it declares (the authorisation matrix test checks every one is in its table). */
    routeTable: RouteAccess[];
  }
}

export function registerAuthHooks(app: FastifyInstance): void {
  app.decorate("routeTable", [] as RouteAccess[]);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url === "/api/openapi.json") return;
    const cfg = route.config as Omit<RouteAccess, "method" | "url"> | undefined;
    if (!cfg?.auth && !cfg?.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares neither config.auth nor config.permission`);
    }
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      const operationId = (route.schema as { operationId?: string } | undefined)?.operationId;
      const { auth, permission, stream } = cfg;
      app.routeTable.push({ method, url: route.url, operationId, auth, permission, stream });
    }
  });

  // Access is decided before the body is even parsed: an anonymous caller learns nothing from validation errors.
  app.addHook("onRequest", async (req, reply) => {
    rejectCrossSiteWrites(req);
    await attachStaffSession(req, reply);
    await enforceRouteAccess(req);
  });
  // Community sessions are attached by their own onRequest hook (community.hooks.ts), registered after this one.
  app.addHook("preValidation", async (req) => {
    if (req.routeOptions.config?.auth === "community" && req.actor.type !== "community") {
      throw new AppError("UNAUTHENTICATED", "Sign in to your community account first");
    }
  });
}

async function enforceRouteAccess(req: FastifyRequest): Promise<void> {
  const cfg = req.routeOptions.config;
  if (!cfg || cfg.auth === "public" || cfg.auth === "community" || (!cfg.auth && !cfg.permission)) return;
  const actor = req.actor;
  if (actor.type !== "staff") {
    throw new AppError(req.sessionExpired ? "SESSION_EXPIRED" : "UNAUTHENTICATED", "Sign in first");
  }
  if (cfg.auth === "pending") {
    if (actor.stage !== "password") throw new AppError("CONFLICT", "Already signed in");
    return;
  }
  if (actor.stage !== "full") throw new AppError("MFA_REQUIRED", "Enter the code from your authenticator app");
  if (actor.mustChangePassword && !cfg.beforePasswordChange)
    throw new AppError("PASSWORD_CHANGE_REQUIRED", "Choose your own password first");
  if (cfg.permission && !roleHas(actor.role, cfg.permission)) {
    await auditAlone(ctxOf(req), {
      action: "access.denied",
      entity: "route",
      entityId: req.routeOptions.url ?? null,
      outcome: "denied",
      details: { permission: cfg.permission, method: req.method },
    });
    throw new AppError("FORBIDDEN", "Your role does not allow this");
  }
}

declare module "fastify" {
  interface FastifyRequest {
    sessionExpired?: boolean;
  }
}

async function attachStaffSession(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || !(req.url.startsWith("/api/") || isSourceMap(req.url))) return;
  const { db } = req.server.services.database;
  const found = await lookupSession(db, token, new Date(), await sessionPolicy(db));
  if (found.status !== "ok") {
    req.sessionExpired = found.status === "expired";
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return;
  }
  req.actor = {
    type: "staff",
    userId: found.user.id,
    role: found.user.role,
    email: found.user.email,
    scopeAreaIds: found.user.scopeAreaIds,
    scopeFacilityIds: found.user.scopeFacilityIds,
    sessionHash: found.session.tokenHash,
    stage: found.session.stage,
    mustChangePassword: found.user.mustChangePassword,
    trainee: found.user.trainee,
  };
}

/**
 * CSRF defence for cookie-authenticated writes, by the browser's own headers (Fetch Metadata, then Origin): a write
 * that a browser marks as coming from another site is refused. Non-browser clients send neither header and carry no
 * ambient cookies, so they are not at risk. Session cookies are also SameSite=Strict. See docs/adr/0006.
 */
function rejectCrossSiteWrites(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method) || !req.headers.cookie) return;
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string") {
    if (site !== "same-origin" && site !== "none") throw new AppError("CSRF_FAILED", "Cross-site request refused");
    return;
  }
  const origin = req.headers.origin;
  if (typeof origin === "string" && origin !== "null") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError("CSRF_FAILED", "Cross-site request refused");
    }
    if (host !== req.headers.host) throw new AppError("CSRF_FAILED", "Cross-site request refused");
  } else if (origin === "null") {
    throw new AppError("CSRF_FAILED", "Cross-site request refused");
  }
}

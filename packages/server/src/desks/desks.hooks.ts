import type { FastifyInstance } from "fastify";
import { lookupDesk } from "./desks.service.js";

/** The desk device's cookie: separate from staff and community sessions, it never carries their permissions. */
export const DESK_COOKIE = "clm_desk";
/** A desk stays set up until Set-up revokes it; the cookie is renewed on use. */
const DESK_COOKIE_DAYS = 365;

export function deskCookieOptions(secure: boolean) {
  return { path: "/", httpOnly: true, sameSite: "strict" as const, secure, maxAge: DESK_COOKIE_DAYS * 86_400 };
}

/**
 * Runs after the staff and community hooks: a device set up as a desk acts as that desk only when nobody is signed in
 * on it. A revoked desk's cookie is cleared.
 */
export function registerDeskHooks(app: FastifyInstance): void {
  app.addHook("onRequest", async (req, reply) => {
    const token = req.cookies[DESK_COOKIE];
    if (!token || req.actor.type !== "anonymous" || !req.url.startsWith("/api/")) return;
    const desk = await lookupDesk({ db: req.server.services.database.db }, token);
    if (!desk) {
      reply.clearCookie(DESK_COOKIE, { path: "/" });
      return;
    }
    req.actor = { type: "desk", deskId: desk.id, facilityId: desk.facilityId };
  });
}

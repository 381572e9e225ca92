import type { FastifyInstance } from "fastify";
import { COMMUNITY_COOKIE, lookupCommunitySession } from "./community-sessions.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Hash of the community session token, so sign-out can end exactly this session. */
    communitySessionHash?: string;
  }
}

/**
 * Community members sign in with their own cookie (`clm_community`). Runs after the staff hooks: a staff session
 * wins, and the community actor never gets staff permissions. Community routes declare `auth: "public"` and their
 * verbs require `actor.type === "community"`.
 */
export function registerCommunityHooks(app: FastifyInstance): void {
  app.addHook("onRequest", async (req, reply) => {
    const token = req.cookies[COMMUNITY_COOKIE];
    if (!token || req.actor.type !== "anonymous" || !req.url.startsWith("/api/")) return;
    const found = await lookupCommunitySession(req.server.services.database.db, token, new Date());
    if (!found) {
      reply.clearCookie(COMMUNITY_COOKIE, { path: "/" });
      return;
    }
    req.actor = { type: "community", accountId: found.accountId };
    req.communitySessionHash = found.tokenHash;
  });
}

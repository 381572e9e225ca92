import type { FastifyInstance } from "fastify";

/**
 * API answers are not stored by the browser or any cache on the way unless their route says otherwise: most carry
 * personal data or a signed-in view (a report, the inbox, an account, audit rows), and a shared phone's browser cache
 * or a proxy must not keep a copy. Routes whose answer is public and the same for everyone set their own header
 * (area boundaries: `public, no-cache`, revalidated by ETag).
 */
export function registerApiCacheDefault(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply, payload) => {
    if (req.url.startsWith("/api/") && !reply.hasHeader("Cache-Control")) reply.header("Cache-Control", "no-store");
    return payload;
  });
}

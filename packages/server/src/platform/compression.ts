import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

export type Encoding = "br" | "gzip" | "identity";

/** Responses smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * The best encoding the client accepts among those available: brotli, then gzip, else none. `q=0` refuses an
 * encoding; `*` stands for any not named.
 */
export function preferredEncoding(
  acceptEncoding: string | string[] | undefined,
  available: Partial<Record<Encoding, unknown>>,
): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  const q = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (enc: Encoding) => (q.get(enc) ?? q.get("*") ?? 0) > 0;
  for (const enc of ["br", "gzip"] as const) if (available[enc] !== undefined && accepts(enc)) return enc;
  return "identity";
}

/**
 * API answers above COMPRESS_THRESHOLD are compressed per request (brotli at a fast level, else gzip) when the client
 * accepts it; the web app's files come precompressed from the build and pass through untouched (they already carry
 * `Content-Encoding`). Request bodies are never decompressed: a compressed body would slip past the body limit's
 * intent (a few KB on the wire, megabytes in memory) and no client of ours sends one.
 *
 * Compression and secrets (BREACH): a response is only at risk when an attacker can make the victim's browser send
 * many authenticated requests that reflect attacker-chosen text beside a secret. Session cookies are
 * `SameSite=Strict`, so a cross-site page cannot make such requests carry the session; and no response holds a
 * per-session token (CSRF is refused by Fetch Metadata, ADR 0006).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    encodings: ["br", "gzip"],
    threshold: COMPRESS_THRESHOLD,
  });
}

import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet from "helmet";

/**
 * Everything is served by the platform itself: no third-party scripts, fonts, tiles or CDNs, and no inline
 * scripts, so the policy can be strict. Styles set through the DOM (Leaflet, charts) are not affected by CSP.
 *
 * The headers are the same on every response, so Helmet computes them once at start-up and each request only copies
 * them (the Fastify plugin builds Helmet's middleware again on every request, a visible share of a small request).
 *
 * One exception to "nothing from elsewhere": a tile server the system administrator configured for Near Me's map
 * (setting `mapTiles`). Images, and only images, may then come from exactly that origin; the headers for it are
 * computed once per origin as well.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  opts: {
    https: boolean;
    /** The configured tile server's origin (settings/map-tiles.ts, cached there), or null. */
    tileOrigin: () => Promise<string | null>;
  },
): Promise<void> {
  const byOrigin = new Map<string | null, Record<string, string>>();
  const headersFor = (tileOrigin: string | null) => {
    let headers = byOrigin.get(tileOrigin);
    if (!headers) {
      headers = {
        ...helmetHeaders(opts.https, tileOrigin),
        "Permissions-Policy": "camera=(), microphone=(), payment=(), usb=(), interest-cohort=(), geolocation=(self)",
      };
      byOrigin.set(tileOrigin, headers);
    }
    return headers;
  };
  app.addHook("onRequest", async (_req, reply) => {
    reply.headers(headersFor(await opts.tileOrigin()));
  });
}

function helmetHeaders(https: boolean, tileOrigin: string | null): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:", ...(tileOrigin ? [tileOrigin] : [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: "no-referrer" },
  });
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = String(value);
    },
    removeHeader: () => {},
  };
  let failed: unknown;
  middleware({} as IncomingMessage, collector as unknown as ServerResponse, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed;
  return headers;
}

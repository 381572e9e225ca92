import type { IncomingMessage } from "node:http";
import pino from "pino";
import type { Config } from "../config/config.js";

/** Paths that may carry personal data or secrets: never written to logs. */
export const redactPaths = [
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "*.password",
  "*.phone",
  "*.description",
  "*.body",
  "*.totpSecret",
  "*.code",
  "*.trackingCode",
];

const REDACTED = "[redacted]";
/**
 * Query parameters that may hold a tracking code, what staff searched for (a name, a phone number …) or a person's
 * position (`listFacilities?near=`).
 */
const SECRET_QUERY_PARAMS = new Set(["q", "code", "trackingcode", "near"]);

/**
 * A URL as it may be logged: the tracking code (a bearer secret) in `/…/track/<code>` and the search terms of the
 * query string replaced. The API keeps the code in the path for its published contract; logs never see it.
 */
export function redactUrl(url: string): string {
  const at = url.indexOf("?");
  const path = (at < 0 ? url : url.slice(0, at)).replace(/(\/track\/)[^/]+/gi, `$1${REDACTED}`);
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split("&")
    .map((pair) => {
      const name = pair.split("=", 1)[0] ?? "";
      return SECRET_QUERY_PARAMS.has(safeDecode(name).toLowerCase()) ? `${name}=${REDACTED}` : pair;
    });
  return `${path}?${query.join("&")}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replaceAll("+", " "));
  } catch {
    return s;
  }
}

/** Fastify's request serializer, with the URL redacted (it logs every request's URL twice). */
export const serializers = {
  req(req: IncomingMessage & { socket?: { remoteAddress?: string; remotePort?: number } }) {
    return {
      method: req.method,
      url: redactUrl(req.url ?? ""),
      host: req.headers?.host,
      remoteAddress: req.socket?.remoteAddress,
      remotePort: req.socket?.remotePort,
    };
  },
};

export function loggerOptions(config: Pick<Config, "logLevel">): pino.LoggerOptions {
  return { level: config.logLevel, redact: { paths: redactPaths, censor: REDACTED }, serializers };
}

export function createLogger(config: Pick<Config, "logLevel" | "nodeEnv">, destination?: pino.DestinationStream) {
  return destination ? pino(loggerOptions(config), destination) : pino(loggerOptions(config));
}

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
];

export function createLogger(config: Pick<Config, "logLevel" | "nodeEnv">) {
  return pino({ level: config.logLevel, redact: { paths: redactPaths, censor: "[redacted]" } });
}

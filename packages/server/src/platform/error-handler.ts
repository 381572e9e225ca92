import type { ErrorEnvelope } from "@openclm/contracts";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "../db/db-errors.js";
import { AppError } from "./app-error.js";
import { errorEnvelope as envelope } from "./responses.js";
import { safeErrorLog } from "./safe-error-log.js";

/** Maps Fastify's own error codes (body parsing, limits) onto our closed list. */
const fastifyCodes: Record<string, [number, ErrorEnvelope["error"]["code"], string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "MALFORMED_JSON", "The request body is not valid JSON"],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "MALFORMED_JSON", "The request body is empty"],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "PAYLOAD_TOO_LARGE", "The request body is too large"],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json"],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "MALFORMED_JSON", "The request body length is wrong"],
};

/** Seconds a client is asked to wait before trying again when the service is unavailable (503). */
export const RETRY_AFTER_SECONDS = 5;
/** Every 429 says when to come back (RFC 9110 `Retry-After`, in seconds); a limiter that cannot tell says a minute. */
const DEFAULT_RETRY_AFTER_SECONDS = 60;

function retryAfterOf(details: unknown): number {
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === "number" && seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status === 403) req.log.warn({ code: err.code }, "forbidden");
      if (err.status === 503) reply.header("Retry-After", String(RETRY_AFTER_SECONDS));
      if (err.status === 429) reply.header("Retry-After", String(retryAfterOf(err.details)));
      return reply.code(err.status).send(envelope(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
        message: v.message,
      }));
      return reply.code(400).send(envelope("VALIDATION_FAILED", "The request is not valid", details));
    }
    if (err instanceof SyntaxError && (err as { statusCode?: number }).statusCode === 400) {
      return reply.code(400).send(envelope("MALFORMED_JSON", "The request body is not valid JSON"));
    }
    const mapped = err.code ? fastifyCodes[err.code] : undefined;
    if (mapped) return reply.code(mapped[0]).send(envelope(mapped[1], mapped[2]));
    if (err.statusCode === 429) {
      if (!reply.hasHeader("Retry-After")) reply.header("Retry-After", String(DEFAULT_RETRY_AFTER_SECONDS));
      return reply.code(429).send(envelope("RATE_LIMITED", "Too many requests, try again later"));
    }
    if (isDatabaseUnavailable(err)) {
      // The database is away (restart, failover, dropped connection): a passing state, not a bug.
      // Not the error itself: a wrapped query error carries the statement and its parameters.
      req.log.warn("database unavailable");
      return reply
        .code(503)
        .header("Retry-After", String(RETRY_AFTER_SECONDS))
        .send(envelope("SERVICE_UNAVAILABLE", "The service is unavailable for a moment; try again shortly"));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, "response did not match its contract");
    } else if (err.statusCode && err.statusCode < 500) {
      return reply.code(err.statusCode).send(envelope("VALIDATION_FAILED", err.message));
    } else {
      req.log.error({ error: safeErrorLog(err) }, "unhandled error");
    }
    // 5xx answers never carry internals: the request id lets an operator find the log line.
    return reply.code(500).send(envelope("INTERNAL", `Something went wrong (request ${req.id})`));
  });
}

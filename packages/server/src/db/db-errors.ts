/**
 * Whether an error means the database cannot be reached right now (rather than that the request is wrong): the
 * request is answered 503 SERVICE_UNAVAILABLE with Retry-After, and trying again later can succeed. Drizzle wraps
 * driver errors, so the `cause` chain is searched.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causeChain(err)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (unavailableStates.has(code) || networkCodes.has(code) || code.startsWith("08"))) {
      return true;
    }
    if (e instanceof Error && lostConnectionMessages.test(e.message)) return true;
  }
  return false;
}

/** An error and its causes, at most five deep (Drizzle wraps the driver's error; a cycle must not loop). */
function* causeChain(err: unknown): Generator<unknown> {
  let e: unknown = err;
  for (let depth = 0; e && depth < 5; depth++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

/** SQLSTATEs of a server that is going away or refusing sessions (class 08 is checked by prefix). */
const unavailableStates = new Set([
  "57P01", // admin_shutdown: the backend was terminated
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or in recovery
  "53300", // too_many_connections
  "3D000", // the database does not exist (renamed or dropped under us)
]);

const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);

/** The driver's own words for a connection that died or never came (these errors carry no code). */
const lostConnectionMessages =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|is not currently accepting connections/;

/** The SQLSTATE of a database error, searched along the `cause` chain (Drizzle wraps driver errors). */
export function sqlStateOf(err: unknown): string | undefined {
  for (const e of causeChain(err)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * A repeatable-read transaction met a row another committed after its snapshot (40001): nothing was written, and the
 * same work run again on a fresh snapshot can succeed.
 */
export const isSerializationFailure = (err: unknown) => sqlStateOf(err) === "40001";

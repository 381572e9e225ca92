/**
 * What an error may put in a log line. A database error's message, the statement Drizzle wraps around it and that
 * statement's parameters can hold personal data (a description, a phone number, a search term), so database errors
 * are logged by their codes and the statement's name only: its verb and first table ("insert reports"), never
 * its text or parameters. Other errors (bugs in our code) keep their message and stack, which name no user input.
 */
export interface SafeErrorLog {
  name: string;
  message?: string;
  stack?: string;
  /** SQLSTATE of a database error (23505, 22P02 …): under its own key, since logs redact every `code`. */
  sqlState?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  statement?: string;
  cause?: SafeErrorLog;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_DEPTH = 4;

export function safeErrorLog(err: unknown, depth = 0): SafeErrorLog {
  const e = (typeof err === "object" && err !== null ? err : { message: String(err) }) as ErrorLike;
  const text = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const fromDatabase = typeof e.query === "string" || (typeof e.code === "string" && SQLSTATE.test(e.code));
  const out: SafeErrorLog = { name: text(e.name) ?? text((err as object)?.constructor?.name) ?? "Error" };
  if (fromDatabase) {
    if (typeof e.code === "string" && SQLSTATE.test(e.code)) out.sqlState = e.code;
    out.constraint = text(e.constraint);
    out.table = text(e.table);
    out.column = text(e.column);
    out.routine = text(e.routine);
    if (typeof e.query === "string") out.statement = statementName(e.query);
  } else {
    out.message = text(e.message);
    out.stack = text(e.stack);
  }
  if (e.cause !== undefined && depth < MAX_DEPTH) out.cause = safeErrorLog(e.cause, depth + 1);
  for (const k of Object.keys(out) as (keyof SafeErrorLog)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** "insert reports", "select audit_events": enough to find the code, nothing of the data. */
export function statementName(query: string): string {
  const verb = /\b(select|insert|update|delete)\b/i.exec(query)?.[1]?.toLowerCase() ?? "statement";
  const table = /\b(?:from|into|update)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i.exec(query)?.[1];
  return table ? `${verb} ${table}` : verb;
}

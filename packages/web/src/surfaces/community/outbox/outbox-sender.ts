import type { SubmitReportResult } from "@openclm/contracts";
import { ApiError } from "../../../api/client.js";
import { type OutboxEntry, putOutboxEntry, readOutbox, removeOutboxEntry } from "./outbox-store.js";
import { postJson } from "./report-api.js";
import { keepByDefault, saveReport } from "./saved-reports.js";

export type SendOutcome =
  | { kind: "sent"; trackingCode: string }
  /** `busy`: the server asked us to wait (rate limited), not a missing connection. */
  | { kind: "waiting"; busy?: boolean; signIn?: boolean }
  | { kind: "failed"; code: string };

const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 10 * 60_000;

/** 5 s, 10 s, 20 s … up to 10 minutes, with some jitter so many phones coming back online do not align. */
export function retryDelay(attempts: number): number {
  const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(delay * (0.8 + Math.random() * 0.4));
}

/** An entry the server told us to hold back (429 + Retry-After) until a time still to come. */
export function isHeldBack(entry: OutboxEntry, now = Date.now()): boolean {
  return (entry.busyUntil ?? 0) > now;
}

/** Worth trying again later: no answer, a server error, a timeout or "too many requests". */
export function isRetryable(status: number): boolean {
  return status === 0 || status >= 500 || status === 408 || status === 429;
}

const changes = new EventTarget();

/** Called whenever the outbox or the saved reports change (in this tab). */
export function onOutboxChange(listener: () => void): () => void {
  changes.addEventListener("change", listener);
  return () => changes.removeEventListener("change", listener);
}

function notify(): void {
  changes.dispatchEvent(new Event("change"));
}

const inFlight = new Map<string, Promise<SendOutcome>>();

async function post(entry: OutboxEntry): Promise<SendOutcome> {
  let status = 0;
  let code: string | null = "NETWORK";
  let result: SubmitReportResult | null = null;
  let retryAfterSeconds: number | null = null;
  try {
    const res = await postJson("POST /reports", entry.body);
    ({ status, code, retryAfterSeconds } = res);
    result = res.data;
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
  }
  if (result && (status === 200 || status === 201)) {
    // The server has it (201 new, 200 a replay): wipe the content, keep only what finds it again.
    removeOutboxEntry(entry.clientId);
    // Kept in "My reports" only as this device's setting says (never on a shared device); the sent screen asks.
    // Never the code of a report a peer supporter made for someone: it opens that person's conversation.
    if (keepByDefault() && entry.signInAs !== "staff")
      saveReport({
        trackingCode: result.trackingCode,
        createdAt: entry.queuedAt,
        categoryCode: entry.body.categoryCode,
      });
    return { kind: "sent", trackingCode: result.trackingCode };
  }
  const current = readOutbox().find((e) => e.clientId === entry.clientId);
  if (!current) return { kind: "waiting" }; // discarded meanwhile
  if (status === 401) {
    // The sender's session ended (a report made for someone): keep it, ask them to sign in, never mark it failed.
    putOutboxEntry({ ...current, state: "waiting", signIn: true, attempts: current.attempts + 1 });
    return { kind: "waiting", signIn: true };
  }
  if (isRetryable(status)) {
    const attempts = current.attempts + 1;
    let nextAttemptAt = Date.now() + retryDelay(attempts);
    // The server said when to come back: never earlier, and a little later so phones told the same do not align.
    const busyUntil = retryAfterSeconds !== null ? Date.now() + retryAfterSeconds * 1000 : undefined;
    if (busyUntil !== undefined) nextAttemptAt = busyUntil + Math.round(Math.random() * 2_000);
    putOutboxEntry({ ...current, state: "waiting", signIn: false, attempts, nextAttemptAt, busyUntil });
    return { kind: "waiting", busy: status === 429 || busyUntil !== undefined };
  }
  putOutboxEntry({ ...current, state: "failed", error: code ?? "INTERNAL" });
  return { kind: "failed", code: code ?? "INTERNAL" };
}

/**
 * Sends one entry; a second call while the first is under way shares it (double taps, a flush racing a submit). An
 * entry the server asked to hold back stays waiting until its time.
 */
export function sendEntry(entry: OutboxEntry): Promise<SendOutcome> {
  const current = readOutbox().find((e) => e.clientId === entry.clientId) ?? entry;
  if (isHeldBack(current) && !inFlight.has(entry.clientId)) return Promise.resolve({ kind: "waiting", busy: true });
  let p = inFlight.get(entry.clientId);
  if (!p) {
    p = post(entry).finally(() => {
      inFlight.delete(entry.clientId);
      notify();
      schedule();
    });
    inFlight.set(entry.clientId, p);
  }
  return p;
}

/** Puts a finished report in the outbox (so nothing is lost if the page dies) and sends it at once. */
export function enqueueAndSend(entry: Omit<OutboxEntry, "state" | "attempts" | "nextAttemptAt" | "error">) {
  const full: OutboxEntry = { ...entry, state: "waiting", attempts: 0, nextAttemptAt: Date.now(), error: null };
  putOutboxEntry(full);
  notify();
  return sendEntry(full);
}

/**
 * Sends every waiting entry (all of them when `force`, else those whose time has come). Entries waiting for a sign-in
 * go only when forced (app start, back online, just signed in): retrying them on a timer would only be refused.
 */
export async function flushOutbox(force = false): Promise<void> {
  const now = Date.now();
  const due = readOutbox().filter(
    (e) => e.state === "waiting" && !isHeldBack(e, now) && (force || (!e.signIn && e.nextAttemptAt <= now)),
  );
  for (const entry of due) await sendEntry(entry);
}

export function discardEntry(clientId: string): void {
  removeOutboxEntry(clientId);
  notify();
}

let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const waiting = readOutbox().filter((e) => e.state === "waiting" && !e.signIn && !inFlight.has(e.clientId));
  if (waiting.length === 0) return;
  const next = Math.min(...waiting.map((e) => e.nextAttemptAt));
  timer = setTimeout(() => void flushOutbox(), Math.max(1_000, next - Date.now()));
}

let started = 0;

/** Retries waiting reports now (app start), whenever the device comes back online, and on a backoff timer. */
export function startOutboxSender(): () => void {
  started += 1;
  const onOnline = () => void flushOutbox(true);
  addEventListener("online", onOnline);
  if (started === 1) void flushOutbox(true).finally(schedule);
  return () => {
    started -= 1;
    removeEventListener("online", onOnline);
    if (started === 0 && timer) clearTimeout(timer);
  };
}

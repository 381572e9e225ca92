import type { SubmitReportBody } from "@openclm/contracts";
import type { Draft } from "../report/draft.js";

/**
 * The on-device outbox: reports accepted by the person but not yet by the server, keyed by clientId.
 *
 * Why localStorage and not IndexedDB: the outbox holds a handful of small JSON records (a few KB each) that only
 * page code reads (no background sync in the service worker), so synchronous reads keep the code and the bundle
 * small, and it works in every browser and web view people have, including private modes where IndexedDB is
 * missing or flaky. Unlike the draft it survives closing the tab and the quick exit: losing a report is worse.
 * An entry is deleted as soon as the server has the report, which wipes its personal content from the device.
 */
export interface OutboxEntry {
  clientId: string;
  body: SubmitReportBody;
  /** The draft it was made from, so a refused report can be fixed in the flow. */
  draft: Draft;
  state: "waiting" | "failed";
  attempts: number;
  /** Epoch ms of the next automatic try (waiting entries). */
  nextAttemptAt: number;
  /**
   * Epoch ms before which the server asked us not to send again (429 with `Retry-After`): no try happens earlier,
   * not even on "back online" or "try again now".
   */
  busyUntil?: number;
  queuedAt: string;
  /**
   * A report made for someone waits for its sender to sign in again (their session expired while it was queued): it
   * is not retried on the timer, only when the app opens, the device comes back online or they sign in.
   */
  signIn?: boolean;
  /** Which sign-in a report made for someone needs: a peer supporter's (staff) or a community account's. */
  signInAs?: "staff" | "community";
  /** The server's error code when it refused the report (failed entries). */
  error: string | null;
}

const KEY = "openclm.outbox";

export function readOutbox(): OutboxEntry[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(list) ? (list as OutboxEntry[]) : [];
  } catch {
    return [];
  }
}

function writeOutbox(entries: OutboxEntry[]): void {
  if (entries.length === 0) localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, JSON.stringify(entries));
}

/** Adds or replaces the entry with this clientId. Throws when storage is full or disabled. */
export function putOutboxEntry(entry: OutboxEntry): void {
  writeOutbox([...readOutbox().filter((e) => e.clientId !== entry.clientId), entry]);
}

export function getOutboxEntry(clientId: string): OutboxEntry | undefined {
  return readOutbox().find((e) => e.clientId === clientId);
}

export function removeOutboxEntry(clientId: string): void {
  try {
    writeOutbox(readOutbox().filter((e) => e.clientId !== clientId));
  } catch {
    // storage disabled: nothing was stored either
  }
}

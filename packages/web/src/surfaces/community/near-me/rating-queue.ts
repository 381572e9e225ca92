import type { RateFacilityBody } from "@openclm/contracts";
import { ApiError, callApi } from "../../../api/client.js";

/**
 * Ratings made without a connection wait here (localStorage) and are sent when the phone is back online: the same
 * clientId each time, so a rating the server already has is answered, not counted twice. Only the scores, the
 * comment and the facility's id are kept, and only until the server answers.
 */
export interface PendingRating {
  facilityId: string;
  body: RateFacilityBody;
}

const KEY = "openclm.pendingRatings";

function read(): PendingRating[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(list) ? (list as PendingRating[]) : [];
  } catch {
    return [];
  }
}

function write(list: PendingRating[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage disabled: the rating lasts while the page is open
  }
}

export function queueRating(entry: PendingRating): void {
  write([...read().filter((e) => e.body.clientId !== entry.body.clientId), entry]);
}

export function isQueued(facilityId: string): boolean {
  return read().some((e) => e.facilityId === facilityId);
}

export function sendRating(entry: PendingRating) {
  return callApi("POST /facilities/:id/ratings", { params: { id: entry.facilityId }, body: entry.body });
}

let flushing = false;

/** Sends what waits; a refusal (already rated, facility gone) drops the entry, no answer keeps it for next time. */
export async function flushRatings(): Promise<void> {
  if (flushing || !navigator.onLine) return;
  flushing = true;
  try {
    for (const entry of read()) {
      try {
        await sendRating(entry);
      } catch (err) {
        if (err instanceof ApiError && (err.status === 0 || err.status === 429 || err.status >= 500)) return;
      }
      write(read().filter((e) => e.body.clientId !== entry.body.clientId));
    }
  } finally {
    flushing = false;
  }
}

if (typeof window !== "undefined") addEventListener("online", () => void flushRatings());

import { type Draft, newDraft, stepIds } from "./draft.js";

/**
 * The draft is kept in sessionStorage: it survives a reload but not the quick exit (which clears sessionStorage) nor
 * closing the tab, so an unfinished report does not linger on a shared phone.
 */
const DRAFT_KEY = "openclm.report.draft";
const SENT_KEY = "openclm.report.sent";

export function loadDraft(): Draft | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    // A draft from an older version of the app: new fields take their defaults, a step that no longer exists restarts.
    const draft = { ...newDraft(), ...(JSON.parse(raw) as Partial<Draft>) };
    if (draft.step && !stepIds.includes(draft.step)) draft.step = "category";
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(draft: Draft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft lasts while the page is open.
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing stored
  }
}

/** The outcome screen after sending ("sent" with its code, or "waiting"), so a reload still shows it. */
/** `subcategoryCode`: what the report was about, to offer the rights and information tagged with it. */
export type SentOutcome =
  /** `smsClientId`: a desk may send this report's code by SMS to the phone the visitor gave (never saved). */
  | { kind: "sent"; trackingCode: string; subcategoryCode?: string; smsClientId?: string }
  | { kind: "waiting"; busy?: boolean; subcategoryCode?: string };

export function loadSent(): SentOutcome | null {
  try {
    const raw = sessionStorage.getItem(SENT_KEY);
    return raw ? (JSON.parse(raw) as SentOutcome) : null;
  } catch {
    return null;
  }
}

export function saveSent(outcome: SentOutcome | null): void {
  try {
    if (outcome) sessionStorage.setItem(SENT_KEY, JSON.stringify(outcome));
    else sessionStorage.removeItem(SENT_KEY);
  } catch {
    // not kept across a reload
  }
}

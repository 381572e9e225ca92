import type { Db } from "../db/database.js";
import { catalogueText } from "../translations/catalogue-text.js";
import { catalogLanguages } from "../translations/shipped-catalogues.js";

/**
 * What the platform tells a reporter outside the track page (web push now; SMS and chats may call the same), written so
 * that it outs nobody (issue 14 item 5, PRODUCT.md 4): phones are shared and notifications show on a locked screen.
 * By default a notification says only that report XXXX-… has a reply or an update and how to read it: never the
 * illness, never the content. The platform setting `notifications.includeContent` (system administrator, audited)
 * adds the message. Channel-neutral: nothing here sends anything.
 */

/** What happened on a report that its reporter may hear about. */
export type ReporterEvent =
  | { kind: "reply"; from: "responder" | "system"; body: string }
  | { kind: "update"; toStatus: string };

/** The facts about a report this decision needs (a report row has them). */
export interface NotifiedReport {
  erasedAt: Date | null;
  status: string;
}

/** Whether the reporter should hear about this event at all: not once the report is erased or merged away. */
export function reporterShouldHear(report: NotifiedReport, event: ReporterEvent): boolean {
  if (report.erasedAt) return false;
  if (report.status === "merged") return false;
  if (event.kind === "reply") return event.body.trim().length > 0;
  // Status changes the reporter sees on the track page; an internal step (e.g. "escalated") is not news to them.
  return ["validated", "in_progress", "referred", "resolved", "declined", "closed"].includes(event.toStatus);
}

/** The languages the platform ships notice texts for (the web app's catalogues); others follow their fallback chain. */
export const NOTIFICATION_LANGUAGES = catalogLanguages;

/**
 * How a notification names the report: the first group of its tracking code and a mask (`K7QM-····`). The whole
 * code is a key to the report, and a locked screen is read by whoever holds the phone; the person recognises the
 * report by its first letters in My reports.
 */
export function reportReference(trackingCode: string): string {
  return `${trackingCode.slice(0, 4)}-····`;
}

export interface ReporterNotification {
  title: string;
  body: string;
}

/**
 * The privacy-safe text of a notification in the reporter's language. `content` (the message) is added only when the
 * platform setting allows it; without it the text says nothing of what the report is about.
 */
export async function reporterNotificationText(
  db: Db,
  event: ReporterEvent,
  opts: { reference: string; language: string | null; includeContent: boolean },
): Promise<ReporterNotification> {
  // One catalogue (ADR 0019): the words are the web app's `common.notices`, with Set-up's translations on top.
  const t = await catalogueText(db, opts.language ?? "en", "common");
  const base = t(`notices.${event.kind}`, { ref: opts.reference });
  const withContent = opts.includeContent && event.kind === "reply" ? `${base}\n\n${event.body.slice(0, 500)}` : base;
  return { title: t("notices.title"), body: withContent };
}

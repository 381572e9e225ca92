import type { Db } from "../db/database.js";
import { catalogueText } from "../translations/catalogue-text.js";
import { catalogLanguages } from "../translations/shipped-catalogues.js";

/**
 * What the platform tells a reporter outside the track page — by web push, SMS, Telegram or WhatsApp — written so that
 * it outs nobody (issue 14 item 5, PRODUCT.md 4): phones are shared and notifications show on a locked screen. By
 * default a notice says only that report XXXX-XXXX has a reply or news and how to read it: never the illness, never
 * the content. The one platform setting `notifications.reporter` `includeContent` (system administrator, audited)
 * adds a reply's words, for every channel at once. Channel-neutral: nothing here sends anything; each channel asks
 * `reporterNotice` for its text.
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

/** Status changes the reporter sees on the track page; an internal step (e.g. "escalated") is not news to them. */
export const STATUSES_REPORTERS_HEAR = ["validated", "in_progress", "referred", "resolved", "declined", "closed"];

/** Whether the reporter should hear about this event at all: not once the report is erased or merged away. */
export function reporterShouldHear(report: NotifiedReport, event: ReporterEvent): boolean {
  if (report.erasedAt) return false;
  if (report.status === "merged") return false;
  if (event.kind === "reply") return event.body.trim().length > 0;
  return STATUSES_REPORTERS_HEAR.includes(event.toStatus);
}

/** The languages the platform ships notice texts for (the web app's catalogues); others follow their fallback chain. */
export const NOTIFICATION_LANGUAGES = catalogLanguages;

/**
 * How a notice reaches the reporter, which decides how it names the report and says how to read it: `push` shows
 * on a locked screen and names the report by the first group of its code only (see `reportReference`); an SMS or a
 * chat message goes to the reporter's own number or chat, which is also where they answer, and names the code.
 */
export type NoticeChannel = "push" | "sms" | "chat";

/** A reply's words are cut here when the setting lets them go (a long message costs several SMS). */
export const CONTENT_LIMIT = 300;

/**
 * How a push notification names the report: the first group of its tracking code and a mask (`K7QM-····`). The whole
 * code is a key to the report, and a locked screen is read by whoever holds the phone; the person recognises the
 * report by its first letters in My reports.
 */
export function reportReference(trackingCode: string): string {
  return `${trackingCode.slice(0, 4)}-····`;
}

/**
 * SMS go in the GSM 7-bit alphabet where the language allows it (one SMS holds 160 characters, not 70): French and
 * Portuguese lose their accents there ("reponse"); Russian stays as it is.
 */
export function smsAlphabet(text: string): string {
  return text
    .normalize("NFD")
    .replace(/(?<=[A-Za-z])[\u0300-\u036f]/g, "")
    .normalize("NFC");
}

export interface ReporterNotification {
  title: string;
  body: string;
}

/**
 * The one builder of the text a reporter gets about their report, for every channel, in their language. `content`
 * (a reply's words) is added only when `includeContent` says so (the platform setting); without it the text says
 * nothing of what the report is about. `publicUrl` lets SMS and chats name the tracking page's address.
 */
export async function reporterNotice(
  db: Db,
  event: ReporterEvent,
  opts: { code: string; channel: NoticeChannel; language: string | null; includeContent: boolean; publicUrl?: string },
): Promise<ReporterNotification> {
  // One catalogue (ADR 0022): the words are the web app's `common.notices`, with Set-up's translations on top and
  // the language's fallback chain below. Its interpolation fills in one pass, so a reply holding "{{ref}}" stays as is.
  const t = await catalogueText(db, opts.language ?? "en", "common");
  const ref = opts.channel === "push" ? reportReference(opts.code) : opts.code;
  const words = event.kind === "reply" ? event.body.trim().replace(/\s+/g, " ") : "";
  let body: string;
  if (opts.includeContent && words) {
    const content = words.length > CONTENT_LIMIT ? `${words.slice(0, CONTENT_LIMIT - 1)}…` : words;
    const answer = opts.channel === "sms" ? "answerSms" : opts.channel === "chat" ? "answerChat" : null;
    body = [t("notices.content", { ref, content }), answer ? t(`notices.${answer}`) : ""].filter(Boolean).join(" ");
  } else {
    const url = opts.publicUrl ? `${opts.publicUrl}/track` : "";
    const how =
      opts.channel === "push"
        ? t("notices.howPush")
        : t(`notices.${opts.channel === "sms" ? "howSms" : "howChat"}${url ? "Url" : ""}`, { url });
    // The platform's own messages (accepted, declined, resolved) are news; a responder's are a reply.
    const sentence = event.kind === "reply" && event.from === "responder" ? "reply" : "update";
    body = `${t(`notices.${sentence}`, { ref })} ${how}`;
  }
  return { title: t("notices.title"), body: opts.channel === "sms" ? smsAlphabet(body) : body };
}

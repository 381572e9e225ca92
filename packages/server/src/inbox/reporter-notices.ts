import { type DeclineReason, declineReasons } from "@openclm/contracts";
import type { Db, Tx } from "../db/database.js";
import { catalogueTexts } from "../translations/catalogue-text.js";

/** What the platform itself writes in a reporter's conversation (`channels:thread.*`). */
export type NoticeKind = "validated" | "resolved" | "changed" | "declined";

/**
 * The message in the reporter's language, from the one catalogue (ADR 0022): Set-up's translation, the shipped text,
 * then the language's fallback chain. A declined report's message says why, per reason (a report declined without
 * one reads as "other"), and what the person can do. The wording never names the illness: phones are shared, and the
 * message may be read by someone the reporter has not told.
 */
export async function reporterNotice(
  db: Db | Tx,
  kind: NoticeKind,
  language: string | null,
  declineReason?: string | null,
): Promise<string> {
  const t = (await catalogueTexts(db, "channels"))(language ?? "en");
  if (kind !== "declined") return t(`thread.${kind}`);
  const reason: DeclineReason = (declineReasons as readonly string[]).includes(declineReason ?? "")
    ? (declineReason as DeclineReason)
    : "other";
  return t(`thread.declined.${reason}`);
}

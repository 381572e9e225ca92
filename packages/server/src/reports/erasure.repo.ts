import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/database.js";

/** Who erased: the reporter (`deleteMyReport`), the retention job, or the deletion of the reporter's account. */
export type ErasedBy = "reporter" | "retention" | "account";

/** What one erasure removed, as counts: what the audit log records (never content). */
export interface ErasureCounts {
  reports: number;
  descriptions: number;
  phones: number;
  messages: number;
  notes: number;
  /** Advocacy stories written from the reports' words (stories/): they go with the words. */
  stories: number;
}

export const NO_ERASURE: ErasureCounts = { reports: 0, descriptions: 0, phones: 0, messages: 0, notes: 0, stories: 0 };

export function addCounts(a: ErasureCounts, b: ErasureCounts): ErasureCounts {
  return {
    reports: a.reports + b.reports,
    descriptions: a.descriptions + b.descriptions,
    phones: a.phones + b.phones,
    messages: a.messages + b.messages,
    notes: a.notes + b.notes,
    stories: a.stories + b.stories,
  };
}

/**
 * Erases the conversation of these reports: the messages with the reporter are deleted and the text of internal
 * notes and status notes is emptied (the timeline keeps that something happened, and when). Answers the counts.
 */
async function eraseConversation(tx: Db, ids: string[]): Promise<{ messages: number; notes: number }> {
  const list = JSON.stringify(ids);
  const messages = await queryRows(
    tx,
    sql`
    DELETE FROM report_messages
     WHERE report_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${list}::jsonb))
    RETURNING 1`,
  );
  const notes = await queryRows(
    tx,
    sql`
    UPDATE report_events SET note_enc = NULL
     WHERE report_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${list}::jsonb)) AND note_enc IS NOT NULL
    RETURNING 1`,
  );
  // SMS notices about these reports (number, code, perhaps the words: channels/sms-notify.ts), sent or not.
  await tx.execute(
    sql`DELETE FROM channel_outbox WHERE report_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${list}::jsonb))`,
  );
  // The Telegram chat or WhatsApp number they came from, and the chat notices about them (channels/chat-notify.ts).
  await tx.execute(sql`
    DELETE FROM report_chats
     WHERE report_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${list}::jsonb))`);
  await tx.execute(sql`
    DELETE FROM messenger_outbox
     WHERE report_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${list}::jsonb))`);
  // The browsers that followed these reports (notifications/): their push endpoints go with the conversation.
  await tx.execute(sql`
    DELETE FROM push_subscriptions
     WHERE report_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${list}::jsonb))`);
  await tx.execute(sql`
    DELETE FROM push_outbox
     WHERE report_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${list}::jsonb))`);
  return { messages: messages.length, notes: notes.length };
}

/**
 * Erases the personal data of these reports, in the caller's transaction: the tracking code (its hashes and
 * ciphertext, so it finds nothing any more), the description and its search tokens, the phone number and its hash,
 * the device hash, the link to a community account, and the conversation. Category, challenge types, place, dates,
 * disaggregation, consent, status and history stay: the report keeps counting in the indicators. Reports already
 * erased are skipped, so erasing twice changes nothing and counts nothing.
 */
export async function eraseReports(tx: Db, ids: string[], by: ErasedBy, at: Date): Promise<ErasureCounts> {
  if (ids.length === 0) return NO_ERASURE;
  const when = at.toISOString();
  const rows = await queryRows<{ id: string; had_description: boolean; had_phone: boolean }>(
    tx,
    sql`
    WITH target AS (
      SELECT id, description_enc IS NOT NULL AS had_description, phone_enc IS NOT NULL AS had_phone
        FROM reports
       WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
         AND erased_at IS NULL
         FOR UPDATE
    )
    UPDATE reports r SET
           tracking_code_hash = NULL, tracking_prefix_hash = NULL, tracking_code_enc = NULL, tracking_code = NULL,
           description_enc = NULL, search_tokens = '{}', phone_enc = NULL, phone_hash = NULL, device_hash = NULL,
           consent_reference_enc = NULL,
           community_account_id = NULL, erased_at = ${when}::timestamptz, erased_by = ${by},
           messages_erased_at = COALESCE(r.messages_erased_at, ${when}::timestamptz),
           updated_at = ${when}::timestamptz, version = r.version + 1
      FROM target t
     WHERE r.id = t.id
    RETURNING r.id, t.had_description, t.had_phone`,
  );
  if (rows.length === 0) return NO_ERASURE;
  const erased = rows.map((r) => r.id);
  const conversation = await eraseConversation(tx, erased);
  const stories = await queryRows(
    tx,
    sql`DELETE FROM advocacy_stories
         WHERE report_id IN (SELECT value::uuid FROM jsonb_array_elements_text(${JSON.stringify(erased)}::jsonb))
        RETURNING 1`,
  );
  return {
    reports: rows.length,
    descriptions: rows.filter((r) => r.had_description).length,
    phones: rows.filter((r) => r.had_phone).length,
    ...conversation,
    stories: stories.length,
  };
}

/** Erases only the conversation of these reports (retention of messages); reports already done are skipped. */
export async function eraseConversations(tx: Db, ids: string[], at: Date): Promise<ErasureCounts> {
  if (ids.length === 0) return NO_ERASURE;
  const when = at.toISOString();
  const marked = await queryRows<{ id: string }>(
    tx,
    sql`
    UPDATE reports SET messages_erased_at = ${when}::timestamptz, updated_at = ${when}::timestamptz,
           version = version + 1
     WHERE id IN (SELECT value::uuid FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
       AND messages_erased_at IS NULL
    RETURNING id`,
  );
  const done = marked.map((r) => r.id);
  if (done.length === 0) return NO_ERASURE;
  return { ...NO_ERASURE, reports: done.length, ...(await eraseConversation(tx, done)) };
}

/**
 * The next reports whose retention period is over, oldest ending first, locked for this transaction (skipping any
 * another process is erasing): `personal` those whose personal data is due, `messages` those whose conversation is.
 */
export async function reportsDue(
  tx: Db,
  what: "personal" | "messages",
  endedBefore: Date,
  limit: number,
): Promise<string[]> {
  const pending = what === "personal" ? sql`erased_at IS NULL` : sql`messages_erased_at IS NULL`;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`
    SELECT id FROM reports
     WHERE ${pending} AND ended_at IS NOT NULL AND ended_at <= ${endedBefore.toISOString()}::timestamptz
     ORDER BY ended_at
     LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`,
  );
  return rows.map((r) => r.id);
}

/** A community account's reports not erased yet, locked for this transaction. */
export async function liveReportsOfAccount(tx: Db, accountId: string): Promise<{ id: string; status: string }[]> {
  return queryRows<{ id: string; status: string }>(
    tx,
    sql`SELECT id, status FROM reports WHERE community_account_id = ${accountId} AND erased_at IS NULL FOR UPDATE`,
  );
}

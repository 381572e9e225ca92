/**
 * Every column that holds ciphertext (FieldCipher.encrypt), with the table's id column: the key rotation
 * (key-rotation.ts) re-encrypts each in id order, and the start-up key check (key-fingerprint.ts) samples
 * them. A test (key-rotation.test.ts) fails when a schema column named `*_enc` is missing here.
 */
export interface EncryptedColumn {
  /** `table.column`, the key of its progress in key_rotations.progress. */
  name: string;
  table: string;
  column: string;
  id: string;
  idType: "uuid" | "bigint";
}

const column = (table: string, name: string, idType: EncryptedColumn["idType"]): EncryptedColumn => ({
  name: `${table}.${name}`,
  table,
  column: name,
  id: "id",
  idType,
});

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  column("staff_users", "totp_secret_enc", "uuid"),
  column("reports", "tracking_code_enc", "uuid"),
  column("reports", "description_enc", "uuid"),
  column("reports", "phone_enc", "uuid"),
  column("reports", "consent_reference_enc", "uuid"),
  column("report_events", "note_enc", "bigint"),
  column("report_messages", "body_enc", "bigint"),
  column("advocacy_stories", "text_enc", "uuid"),
  column("facility_ratings", "comment_enc", "uuid"),
  column("dhis2_config", "token_enc", "uuid"),
  column("channel_sessions", "phone_enc", "uuid"),
  column("channel_outbox", "to_enc", "bigint"),
  column("channel_outbox", "body_enc", "bigint"),
  column("channel_providers", "secrets_enc", "uuid"),
  column("messenger_outbox", "to_enc", "bigint"),
  column("messenger_outbox", "body_enc", "bigint"),
  column("web_push_keys", "private_key_enc", "uuid"),
  column("push_subscriptions", "endpoint_enc", "uuid"),
  column("push_subscriptions", "keys_enc", "uuid"),
  column("push_outbox", "content_enc", "bigint"),
  column("mail_settings", "password_enc", "uuid"),
  { ...column("report_chats", "chat_enc", "uuid"), id: "report_id" },
];

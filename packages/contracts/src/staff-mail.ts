import { z } from "zod";

import { type EmailNotificationChoice, emailNotificationChoices } from "./constants.js";

/** Without a choice: one daily digest (a busy district would otherwise fill a mailbox). */
export const DEFAULT_EMAIL_NOTIFICATIONS: EmailNotificationChoice = "digest";

/** `getMyNotificationPreferences` / `updateMyNotificationPreferences`. */
export const myNotificationPreferencesSchema = z
  .object({ emailNotifications: z.enum(emailNotificationChoices) })
  .strict();
export type MyNotificationPreferences = z.infer<typeof myNotificationPreferencesSchema>;

/**
 * `getSmtpSettings`: the SMTP server staff mail goes through. The password is never returned, only whether one is
 * stored. `fromEnvironment`: `SMTP_URL` is set and wins over everything stored here.
 */
export const smtpSettingsSchema = z.object({
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  secure: z.boolean(),
  username: z.string().nullable(),
  passwordSet: z.boolean(),
  from: z.string().nullable(),
  fromEnvironment: z.boolean(),
  /** Whether mail can go at all (a host and a sender address, here or from the environment). */
  configured: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

const hostname = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/, "a host name or address");

/**
 * `updateSmtpSettings`: every field given whole; `password`: a string replaces the stored one, null removes it,
 * absent keeps it (it is never sent back).
 */
export const updateSmtpSettingsBodySchema = z
  .object({
    host: hostname.nullable(),
    port: z.number().int().min(1).max(65535).nullable(),
    secure: z.boolean(),
    username: z.string().trim().min(1).max(256).nullable(),
    password: z.string().min(1).max(512).nullable().optional(),
    from: z.email().max(254).nullable(),
  })
  .strict();
export type UpdateSmtpSettingsBody = z.input<typeof updateSmtpSettingsBodySchema>;

/** `sendTestEmail`: to the administrator's own address unless another is given. */
export const sendTestEmailBodySchema = z.object({ to: z.email().max(254).optional() }).strict();
export type SendTestEmailBody = z.infer<typeof sendTestEmailBodySchema>;
export const sendTestEmailResultSchema = z.object({
  sent: z.boolean(),
  to: z.string(),
  /** The SMTP server's answer when it refused or could not be reached (never a password). */
  error: z.string().nullable(),
});
export type SendTestEmailResult = z.infer<typeof sendTestEmailResultSchema>;

/**
 * `registerTelegramWebhook` and `getTelegramWebhookInfo`: what Telegram answered (setWebhook / getWebhookInfo). The
 * webhook address is `PUBLIC_URL` + `/api/channels/telegram/webhook`.
 */
export const telegramWebhookStatusSchema = z.object({
  ok: z.boolean(),
  /** The address the server registers, or null without PUBLIC_URL. */
  expectedUrl: z.string().nullable(),
  /** Telegram's `description` (setWebhook) or an error. */
  description: z.string().nullable(),
  info: z
    .object({
      url: z.string(),
      pendingUpdateCount: z.number().int(),
      lastErrorDate: z.string().nullable(),
      lastErrorMessage: z.string().nullable(),
    })
    .nullable(),
});
export type TelegramWebhookStatus = z.infer<typeof telegramWebhookStatusSchema>;

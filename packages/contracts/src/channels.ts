import { z } from "zod";
import { phoneSchema } from "./reports.js";

/**
 * Provider webhooks (PRODUCT.md 7, reference integrations.md §2). Bodies are form-encoded as the providers send
 * them; fields a provider adds later are ignored (Twilio's signature is checked over all of them before parsing).
 */
const providerId = z.string().trim().min(1).max(128);

/** Africa's Talking USSD callback: `text` is every answer so far joined by `*` (empty on the first request). */
export const africasTalkingUssdBodySchema = z.object({
  sessionId: providerId,
  serviceCode: z.string().trim().min(1).max(40),
  phoneNumber: phoneSchema,
  networkCode: z.string().max(20).optional(),
  text: z
    .string()
    .max(500)
    .regex(/^[\p{L}\p{N}*# +.'-]*$/u, "keypad input: letters, digits, * and #")
    .default(""),
});
export type AfricasTalkingUssdBody = z.infer<typeof africasTalkingUssdBodySchema>;

/** Africa's Talking inbound SMS callback. */
export const africasTalkingSmsBodySchema = z.object({
  from: phoneSchema,
  to: z.string().trim().min(1).max(32),
  text: z.string().max(1600),
  id: providerId,
  date: z.string().max(64).optional(),
  linkId: z.string().max(128).optional(),
  networkCode: z.string().max(20).optional(),
});

/** Twilio inbound SMS webhook (the fields used; the signature covers every field sent). */
export const twilioSmsBodySchema = z.object({
  MessageSid: z.string().regex(/^[A-Z]{2}[0-9a-f]{32}$/, "a Twilio message SID"),
  AccountSid: z.string().max(64).optional(),
  From: phoneSchema,
  To: z.string().trim().min(1).max(32),
  Body: z.string().max(1600),
});

/** `?token=` on the Africa's Talking callback URLs, when `AT_WEBHOOK_TOKEN` is set (AT signs nothing). */
export const channelWebhookQuerySchema = z.object({ token: z.string().max(256).optional() });

/** A webhook that only acknowledges (Africa's Talking SMS: replies go out through the send API). */
export const channelAckSchema = z.object({ received: z.boolean() });

/** Telegram's Update (the fields used; integrations.md §3.1). Chat ids may exceed 32 bits: numbers up to 2^53. */
const telegramChatSchema = z.object({ id: z.number().int(), type: z.string().max(32) });
const telegramUserSchema = z.object({ id: z.number().int(), language_code: z.string().max(35).optional() });
export const telegramUpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: z
    .object({
      message_id: z.number().int(),
      from: telegramUserSchema.optional(),
      chat: telegramChatSchema,
      date: z.number().int(),
      text: z.string().max(4096).optional(),
    })
    .optional(),
  callback_query: z
    .object({
      id: z.string().min(1).max(128),
      from: telegramUserSchema,
      message: z.object({ message_id: z.number().int(), chat: telegramChatSchema }).optional(),
      data: z.string().max(64).optional(),
    })
    .optional(),
});
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

/** `hub.*` query of the WhatsApp (Meta) webhook verification. */
export const whatsAppVerifyQuerySchema = z.object({
  "hub.mode": z.string().max(32).optional(),
  "hub.verify_token": z.string().max(512).optional(),
  "hub.challenge": z.string().max(128).optional(),
});

const whatsAppMessageSchema = z.object({
  from: z.string().regex(/^\d{6,20}$/, "a WhatsApp id (the number, digits only)"),
  id: z.string().min(1).max(256),
  timestamp: z.string().max(20).optional(),
  type: z.string().max(32),
  text: z.object({ body: z.string().max(4096) }).optional(),
  interactive: z
    .object({
      type: z.string().max(32),
      button_reply: z.object({ id: z.string().max(256), title: z.string().max(64) }).optional(),
      list_reply: z.object({ id: z.string().max(256), title: z.string().max(64) }).optional(),
    })
    .optional(),
});

/** WhatsApp Cloud API webhook (messages and statuses; integrations.md §3.2). */
export const whatsAppWebhookBodySchema = z.object({
  object: z.string().max(64),
  entry: z
    .array(
      z.object({
        id: z.string().max(64),
        changes: z
          .array(
            z.object({
              field: z.string().max(64),
              value: z.object({
                messaging_product: z.string().max(32).optional(),
                metadata: z.object({ phone_number_id: z.string().regex(/^\d{1,32}$/) }).optional(),
                messages: z.array(whatsAppMessageSchema).max(100).optional(),
                statuses: z
                  .array(z.object({ id: z.string().max(256), status: z.string().max(32) }).loose())
                  .max(100)
                  .optional(),
              }),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
});
export type WhatsAppWebhookBody = z.infer<typeof whatsAppWebhookBodySchema>;

/**
 * Africa's Talking delivery report (reference integrations.md §2.3): `id` is the message id its send API answered;
 * `status` Sent | Submitted | Buffered (on the way), Success (delivered), Rejected | Failed (not delivered).
 */
export const africasTalkingDeliveryBodySchema = z.object({
  id: providerId,
  status: z.string().trim().min(1).max(40),
  phoneNumber: z.string().max(32).optional(),
  networkCode: z.string().max(20).optional(),
  failureReason: z.string().max(200).optional(),
  retryCount: z.string().max(10).optional(),
});

/** Twilio status callback of a message we sent (signed like the inbound webhook). */
export const twilioStatusBodySchema = z.object({
  MessageSid: z.string().regex(/^[A-Z]{2}[0-9a-f]{32}$/, "a Twilio message SID"),
  MessageStatus: z.string().trim().min(1).max(40),
  ErrorCode: z.string().max(20).optional(),
  AccountSid: z.string().max(64).optional(),
});

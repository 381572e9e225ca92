import { z } from "zod";

/** The channel providers Set-up configures (issue 14 item 6). */
export const channelProviderIds = ["africastalking", "twilio", "telegram", "whatsapp"] as const;
export type ChannelProviderId = (typeof channelProviderIds)[number];

/**
 * Every setting of every provider: `secret` ones are stored encrypted and never returned (only whether they are
 * set); `env` is the environment variable that overrides the stored value.
 */
export const channelProviderFields = {
  africastalking: [
    { key: "username", secret: false, env: "AT_USERNAME" },
    { key: "apiKey", secret: true, env: "AT_API_KEY" },
    { key: "from", secret: false, env: "AT_SMS_FROM" },
    { key: "shortCode", secret: false, env: null },
    { key: "ussdServiceCode", secret: false, env: null },
    { key: "webhookToken", secret: true, env: "AT_WEBHOOK_TOKEN" },
    { key: "baseUrl", secret: false, env: "AT_BASE_URL" },
  ],
  twilio: [
    { key: "accountSid", secret: false, env: "TWILIO_ACCOUNT_SID" },
    { key: "authToken", secret: true, env: "TWILIO_AUTH_TOKEN" },
    { key: "from", secret: false, env: "TWILIO_SMS_FROM" },
    { key: "baseUrl", secret: false, env: "TWILIO_BASE_URL" },
  ],
  telegram: [
    { key: "botToken", secret: true, env: "TELEGRAM_BOT_TOKEN" },
    { key: "webhookSecret", secret: true, env: "TELEGRAM_WEBHOOK_SECRET" },
    { key: "baseUrl", secret: false, env: "TELEGRAM_API_BASE_URL" },
  ],
  whatsapp: [
    { key: "token", secret: true, env: "WHATSAPP_TOKEN" },
    { key: "appSecret", secret: true, env: "WHATSAPP_APP_SECRET" },
    { key: "verifyToken", secret: true, env: "WHATSAPP_VERIFY_TOKEN" },
    // The approved template sent outside the 24-hour window (its {{1}} the tracking code), and its language code.
    { key: "replyTemplate", secret: false, env: null },
    { key: "replyTemplateLanguage", secret: false, env: null },
    { key: "baseUrl", secret: false, env: "WHATSAPP_API_BASE_URL" },
  ],
} as const satisfies Record<ChannelProviderId, readonly { key: string; secret: boolean; env: string | null }[]>;

export type ChannelFieldKey = (typeof channelProviderFields)[ChannelProviderId][number]["key"];

export const channelProviderIdSchema = z.enum(channelProviderIds);

const fieldStateSchema = z.object({
  key: z.string(),
  secret: z.boolean(),
  /** Plain settings only (a secret's value is never returned): the value in use. */
  value: z.string().nullable(),
  /** Whether a value is in use (stored or from the environment). */
  set: z.boolean(),
  /** The environment variable that overrides it, when there is one. */
  env: z.string().nullable(),
  /** True when the value in use comes from the environment (what Set-up stores is then not used). */
  fromEnvironment: z.boolean(),
});

export const channelProviderStateSchema = z.object({
  provider: channelProviderIdSchema,
  enabled: z.boolean(),
  fields: z.array(fieldStateSchema),
  updatedAt: z.string().nullable(),
});
export type ChannelProviderState = z.infer<typeof channelProviderStateSchema>;

export const channelSettingsSchema = z.object({ providers: z.array(channelProviderStateSchema) });
export type ChannelSettingsView = z.infer<typeof channelSettingsSchema>;

export const channelProviderParamSchema = z.object({ provider: channelProviderIdSchema });

/**
 * `updateChannelProvider`: switch the provider on or off and change settings. For each key: a string replaces the
 * stored value, null clears it, an absent key keeps it (a secret is never sent back, so it is kept unless replaced).
 */
export const updateChannelProviderBodySchema = z.object({
  enabled: z.boolean(),
  values: z.record(z.string().max(64), z.string().trim().min(1).max(512).nullable()).default({}),
});
export type UpdateChannelProviderBody = z.input<typeof updateChannelProviderBodySchema>;

/** `simulateChannel`: one turn typed in the Set-up simulator, as a phone would send it. */
export const simulateChannelBodySchema = z.object({
  channel: z.enum(["ussd", "sms"]),
  /** The simulated session (a fresh random id when a conversation starts). */
  sessionId: z.uuid(),
  /** USSD: every answer so far joined by `*` (as the gateway sends); SMS: the one message. */
  text: z
    .string()
    .max(500)
    .regex(/^[\p{L}\p{N}\p{P}\p{S} \n]*$/u, "letters, digits, punctuation"),
});
export type SimulateChannelBody = z.input<typeof simulateChannelBodySchema>;

export const simulateChannelResultSchema = z.object({
  /** What the phone shows (USSD without its CON/END prefix; empty when an SMS would get no answer). */
  text: z.string(),
  /** The conversation ended (USSD `END`). */
  final: z.boolean(),
  simulated: z.literal(true),
});
export type SimulateChannelResult = z.infer<typeof simulateChannelResultSchema>;

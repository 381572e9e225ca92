import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { decodeKey, isInside, KEY_HOW_TO, splitKeys } from "../crypto/master-key.js";
import { StartupError } from "../platform/startup-error.js";

const boolFlag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    CLM_DEMO: boolFlag.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Set when the server sits behind an HTTPS reverse proxy: cookies get `Secure`, X-Forwarded-* is trusted. */
    TRUST_PROXY: boolFlag.default(false),
    /**
     * 32-byte key, base64, for personal data at rest, or the path of a file holding it. Production needs one of the
     * two; elsewhere a key is generated into DATA_DIR when both are unset.
     */
    CLM_ENCRYPTION_KEY: z
      .string()
      .refine((v) => decodeKey(v) !== undefined, `must be 32 bytes encoded as base64; ${KEY_HOW_TO}`)
      .optional(),
    CLM_ENCRYPTION_KEY_FILE: z.string().min(1).optional(),
    /**
     * During a key rotation (docs/key-rotation.md): the key(s) the data was encrypted with before, read but never
     * written with; several are separated by commas. Remove once `npm run keys:rotate` reported the rotation done.
     */
    CLM_ENCRYPTION_PREVIOUS_KEYS: z
      .string()
      .refine(
        (v) => splitKeys(v).every((k) => decodeKey(k) !== undefined),
        `each key must be 32 bytes encoded as base64, several separated by commas`,
      )
      .optional(),
    /** The same in a file, one key a line, outside DATA_DIR in production, readable by its owner only. */
    CLM_ENCRYPTION_PREVIOUS_KEYS_FILE: z.string().min(1).optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** A streaming replica of DATABASE_URL: the dashboard and exports read there while it is fresh enough. */
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
      .optional(),
    /** Reads go back to the primary when the replica trails it by more than this. */
    REPLICA_MAX_LAG_SECONDS: z.coerce.number().min(0).max(3600).default(30),
    /** Bearer token for `/metrics` (Prometheus); without it the route does not exist. */
    METRICS_TOKEN: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional(),
    /** The DHIS2 instance and its personal access token: override what Set-up stored (issue 19). */
    DHIS2_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    DHIS2_TOKEN: z.string().min(10).optional(),
    /** Africa's Talking (issue 14): the account that sends SMS, and the API it calls (the sandbox, a test's fake). */
    AT_USERNAME: z.string().min(1).optional(),
    AT_API_KEY: z.string().min(1).optional(),
    AT_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Sender id or short code for outbound SMS (optional: the account's default otherwise). */
    AT_SMS_FROM: z.string().min(1).max(20).optional(),
    /**
     * Africa's Talking signs no callback: when set, the USSD and SMS callback URLs must carry `?token=<this>`
     * (configure it in the AT dashboard's callback URL). Recommended in production; see docs/channels.md.
     */
    AT_WEBHOOK_TOKEN: z.string().min(16, "must be at least 16 characters (e.g. openssl rand -hex 16)").optional(),
    /** Twilio: inbound SMS are accepted only with a valid `X-Twilio-Signature` made with this token. */
    TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    TWILIO_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * The Twilio number (E.164) or messaging sender that outbound SMS come from; Twilio sends nothing without it.
     * Overrides Set-up's "sender" of Twilio.
     */
    TWILIO_SMS_FROM: z.string().min(1).max(34).optional(),
    /**
     * Telegram (issue 14): the bot's token, the secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` (set with
     * setWebhook's `secret_token`: 1-256 of A-Z a-z 0-9 _ -), and the Bot API's address (a test's fake).
     */
    TELEGRAM_BOT_TOKEN: z.string().min(1).optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "16-256 characters A-Z a-z 0-9 _ - (e.g. openssl rand -hex 16)")
      .optional(),
    TELEGRAM_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** WhatsApp Cloud API (issue 14): the access token, the app secret that signs webhooks, the verify token. */
    WHATSAPP_TOKEN: z.string().min(1).optional(),
    WHATSAPP_APP_SECRET: z.string().min(1).optional(),
    WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
    WHATSAPP_API_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * The address people and providers reach this server on (`https://clm.example.org`): SMS notifications name its
     * tracking page, and Twilio is asked to post delivery reports to it. Unset: neither.
     */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * Staff e-mail (issue 14 item 5): `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`,
     * with `?from=clm@example.org` for the sender. Wins over Set-up's SMTP settings.
     */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  })
  .transform((env, ctx) => {
    const demo = env.CLM_DEMO ?? env.NODE_ENV !== "production";
    if (demo && env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["CLM_DEMO"],
        message: "demo mode refuses to run with NODE_ENV=production (its accounts have published passwords)",
      });
    }
    if (env.DATABASE_REPLICA_URL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_REPLICA_URL"],
        message: "a read replica needs DATABASE_URL (PostgreSQL) for the primary",
      });
    }
    const dataDir = path.resolve(env.DATA_DIR);
    const keyFile = env.CLM_ENCRYPTION_KEY_FILE ? path.resolve(env.CLM_ENCRYPTION_KEY_FILE) : undefined;
    for (const problem of keyProblems(env.NODE_ENV === "production", dataDir, env.CLM_ENCRYPTION_KEY, keyFile)) {
      ctx.addIssue({ code: "custom", ...problem });
    }
    const previousFile = env.CLM_ENCRYPTION_PREVIOUS_KEYS_FILE
      ? path.resolve(env.CLM_ENCRYPTION_PREVIOUS_KEYS_FILE)
      : undefined;
    if (env.CLM_ENCRYPTION_PREVIOUS_KEYS !== undefined && previousFile) {
      ctx.addIssue({
        code: "custom",
        path: ["CLM_ENCRYPTION_PREVIOUS_KEYS_FILE"],
        message: "set CLM_ENCRYPTION_PREVIOUS_KEYS or CLM_ENCRYPTION_PREVIOUS_KEYS_FILE, not both",
      });
    }
    if (env.NODE_ENV === "production" && previousFile && isInside(previousFile, dataDir)) {
      ctx.addIssue({
        code: "custom",
        path: ["CLM_ENCRYPTION_PREVIOUS_KEYS_FILE"],
        message: `${previousFile} is inside DATA_DIR (${dataDir}); keep key files elsewhere`,
      });
    }
    return {
      nodeEnv: env.NODE_ENV,
      port: env.PORT,
      host: env.HOST,
      dataDir,
      databaseUrl: env.DATABASE_URL,
      demo,
      logLevel: env.LOG_LEVEL,
      trustProxy: env.TRUST_PROXY,
      encryptionKey: env.CLM_ENCRYPTION_KEY,
      encryptionKeyFile: keyFile,
      previousKeys: env.CLM_ENCRYPTION_PREVIOUS_KEYS,
      previousKeysFile: previousFile,
      poolSize: env.DATABASE_POOL_SIZE,
      metricsToken: env.METRICS_TOKEN,
      replicaUrl: env.DATABASE_REPLICA_URL,
      replicaMaxLagSeconds: env.REPLICA_MAX_LAG_SECONDS,
      dhis2: { baseUrl: env.DHIS2_BASE_URL, token: env.DHIS2_TOKEN },
      /**
       * What the environment says about the channel providers: undefined where it says nothing. Adapters read
       * `channelSettings(ctx)` (channels/channel-settings.ts), which lays this over what Set-up stored.
       */
      channels: {
        africastalking: {
          username: env.AT_USERNAME,
          apiKey: env.AT_API_KEY,
          baseUrl: env.AT_BASE_URL?.replace(/\/+$/, ""),
          from: env.AT_SMS_FROM,
          webhookToken: env.AT_WEBHOOK_TOKEN,
        },
        twilio: {
          accountSid: env.TWILIO_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN,
          baseUrl: env.TWILIO_BASE_URL?.replace(/\/+$/, ""),
          from: env.TWILIO_SMS_FROM,
        },
        telegram: {
          botToken: env.TELEGRAM_BOT_TOKEN,
          webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
          baseUrl: env.TELEGRAM_API_BASE_URL?.replace(/\/+$/, ""),
        },
        whatsapp: {
          token: env.WHATSAPP_TOKEN,
          appSecret: env.WHATSAPP_APP_SECRET,
          verifyToken: env.WHATSAPP_VERIFY_TOKEN,
          baseUrl: env.WHATSAPP_API_BASE_URL?.replace(/\/+$/, ""),
        },
      },
      publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ""),
      smtpUrl: env.SMTP_URL,
    };
  });

export type Config = z.output<typeof envSchema>;

/**
 * Where the key comes from. In production it must come from outside DATA_DIR: a key kept beside the data lets
 * anyone holding a copy of the folder (a backup, a stolen disk) decrypt every description and phone number.
 */
function keyProblems(
  production: boolean,
  dataDir: string,
  key: string | undefined,
  keyFile: string | undefined,
): { path: string[]; message: string }[] {
  if (key !== undefined && keyFile) {
    return [
      { path: ["CLM_ENCRYPTION_KEY_FILE"], message: "set CLM_ENCRYPTION_KEY or CLM_ENCRYPTION_KEY_FILE, not both" },
    ];
  }
  if (!production) return [];
  if (keyFile && isInside(keyFile, dataDir)) {
    return [
      {
        path: ["CLM_ENCRYPTION_KEY_FILE"],
        message: `${keyFile} is inside DATA_DIR (${dataDir}); in production keep the key file elsewhere, so that a copy of DATA_DIR cannot decrypt the data`,
      },
    ];
  }
  if (key !== undefined || keyFile) return [];
  const leftBehind = path.join(dataDir, "encryption.key");
  const upgrade = fs.existsSync(leftBehind)
    ? ` The data stored so far was encrypted with ${leftBehind}: move that file out of DATA_DIR and set CLM_ENCRYPTION_KEY_FILE to its new path.`
    : "";
  return [
    {
      path: ["CLM_ENCRYPTION_KEY"],
      message: `NODE_ENV=production needs the encryption key in CLM_ENCRYPTION_KEY, or in a file outside DATA_DIR named by CLM_ENCRYPTION_KEY_FILE; ${KEY_HOW_TO}.${upgrade}`,
    },
  ];
}

export class ConfigError extends StartupError {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment once at boot; every problem is listed, not just the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  return result.data;
}

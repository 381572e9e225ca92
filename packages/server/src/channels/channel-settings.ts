import {
  type ChannelProviderId,
  type ChannelProviderState,
  type ChannelSettingsView,
  channelProviderFields,
  channelProviderIds,
  type UpdateChannelProviderBody,
} from "@openclm/contracts";
import { eq } from "drizzle-orm";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { channelProviders } from "./channel-providers.schema.js";

/** The providers' real APIs; the environment (or Set-up) points elsewhere for sandboxes and tests. */
export const DEFAULT_BASE_URLS: Record<ChannelProviderId, string> = {
  africastalking: "https://api.africastalking.com",
  twilio: "https://api.twilio.com",
  telegram: "https://api.telegram.org",
  whatsapp: "https://graph.facebook.com/v21.0",
};

/** The settings every adapter uses: Set-up's stored values with the environment's laid over them. */
export interface ChannelSettings {
  africastalking: {
    enabled: boolean;
    username?: string;
    apiKey?: string;
    baseUrl: string;
    from?: string;
    shortCode?: string;
    ussdServiceCode?: string;
    webhookToken?: string;
  };
  twilio: { enabled: boolean; accountSid?: string; authToken?: string; from?: string; baseUrl: string };
  telegram: { enabled: boolean; botToken?: string; webhookSecret?: string; baseUrl: string };
  whatsapp: {
    enabled: boolean;
    token?: string;
    appSecret?: string;
    verifyToken?: string;
    replyTemplate?: string;
    replyTemplateLanguage?: string;
    baseUrl: string;
  };
}

type Values = Record<string, string>;

interface StoredProvider {
  enabled: boolean;
  plain: Values;
  secrets: Values;
  updatedAt: Date;
}

async function storedProviders(ctx: Ctx, db: Db = ctx.db): Promise<Map<ChannelProviderId, StoredProvider>> {
  const rows = await db.select().from(channelProviders);
  return new Map(
    rows.map((r) => [
      r.provider,
      {
        enabled: r.enabled,
        plain: (r.settings as Values | null) ?? {},
        secrets: r.secretsEnc ? (JSON.parse(ctx.services.cipher.decrypt(r.secretsEnc)) as Values) : {},
        updatedAt: r.updatedAt,
      },
    ]),
  );
}

/** The environment's value of each provider field (config.channels), by the field's key. */
function envValues(ctx: Ctx, provider: ChannelProviderId): Values {
  const env = ctx.services.config.channels[provider] as Record<string, string | undefined>;
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * On or off: as Set-up last switched it; before anyone saved the provider, on when the environment gives the
 * credentials it needs (Africa's Talking: always, its callbacks answered before Set-up could switch them).
 */
function isEnabled(provider: ChannelProviderId, stored: StoredProvider | undefined, merged: Values): boolean {
  if (stored) return stored.enabled;
  switch (provider) {
    case "africastalking":
      return true;
    case "twilio":
      return Boolean(merged.authToken);
    case "telegram":
      return Boolean(merged.botToken && merged.webhookSecret);
    case "whatsapp":
      return Boolean(merged.token && merged.appSecret);
  }
}

function merge(ctx: Ctx, provider: ChannelProviderId, stored: StoredProvider | undefined): Values {
  const values: Values = { ...stored?.plain, ...stored?.secrets, ...envValues(ctx, provider) };
  values.baseUrl = (values.baseUrl ?? DEFAULT_BASE_URLS[provider]).replace(/\/+$/, "");
  return values;
}

/**
 * `channelSettings`: what every adapter reads (one query; the environment wins over Set-up). Inside a transaction,
 * pass it as `db` (a single-connection database would otherwise wait on itself).
 */
export async function channelSettings(ctx: Ctx, db: Db = ctx.db): Promise<ChannelSettings> {
  const stored = await storedProviders(ctx, db);
  const out: Record<string, unknown> = {};
  for (const provider of channelProviderIds) {
    const values = merge(ctx, provider, stored.get(provider));
    out[provider] = { ...values, enabled: isEnabled(provider, stored.get(provider), values) };
  }
  return out as unknown as ChannelSettings;
}

/** `getChannelSettings`: every provider, plain values, and for secrets only whether they are set. */
export async function getChannelSettings(ctx: Ctx): Promise<ChannelSettingsView> {
  const stored = await storedProviders(ctx);
  return { providers: channelProviderIds.map((p) => providerView(ctx, p, stored.get(p))) };
}

function providerView(ctx: Ctx, provider: ChannelProviderId, stored: StoredProvider | undefined): ChannelProviderState {
  const env = envValues(ctx, provider);
  const merged = merge(ctx, provider, stored);
  return {
    provider,
    enabled: isEnabled(provider, stored, merged),
    fields: channelProviderFields[provider].map((f) => {
      const fromEnvironment = env[f.key] !== undefined;
      const storedValue = f.secret ? stored?.secrets[f.key] : stored?.plain[f.key];
      const inUse = fromEnvironment ? env[f.key] : storedValue;
      return {
        key: f.key,
        secret: f.secret,
        value: f.secret ? null : f.key === "baseUrl" ? (merged.baseUrl ?? null) : (inUse ?? null),
        set: Boolean(inUse),
        env: f.env,
        fromEnvironment,
      };
    }),
    updatedAt: stored?.updatedAt.toISOString() ?? null,
  };
}

/**
 * `updateChannelProvider`: switches a provider on or off and replaces or clears the values given (the others are
 * kept). Secrets are stored encrypted; the audit names which settings changed and how, never a secret's value.
 */
export async function updateChannelProvider(
  ctx: Ctx,
  provider: ChannelProviderId,
  body: { enabled: boolean; values: NonNullable<UpdateChannelProviderBody["values"]> },
): Promise<ChannelProviderState> {
  const fields = channelProviderFields[provider] as readonly { key: string; secret: boolean }[];
  const unknown = Object.keys(body.values).filter((k) => !fields.some((f) => f.key === k));
  if (unknown.length > 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      `Unknown setting for ${provider}`,
      unknown.map((k) => ({ path: `values.${k}`, message: "not a setting of this provider" })),
    );
  }
  const baseUrl = body.values.baseUrl;
  if (baseUrl && !/^https?:\/\/[^\s]+$/.test(baseUrl)) {
    throw new AppError("VALIDATION_FAILED", "The API address must be an http(s) URL", [
      { path: "values.baseUrl", message: "an http(s) URL" },
    ]);
  }
  await withTransaction(ctx, async (tx) => {
    const before = (await storedProviders(ctx, tx)).get(provider);
    const plain: Values = { ...before?.plain };
    const secrets: Values = { ...before?.secrets };
    const changes: Record<string, "set" | "cleared" | "replaced"> = {};
    for (const f of fields) {
      if (!(f.key in body.values)) continue;
      const value = body.values[f.key];
      const target = f.secret ? secrets : plain;
      const had = target[f.key] !== undefined;
      if (value === null || value === undefined) {
        if (had) changes[f.key] = "cleared";
        delete target[f.key];
      } else if (target[f.key] !== value) {
        changes[f.key] = had ? "replaced" : "set";
        target[f.key] = value;
      }
    }
    const values = {
      enabled: body.enabled,
      settings: plain,
      secretsEnc: Object.keys(secrets).length > 0 ? ctx.services.cipher.encrypt(JSON.stringify(secrets)) : null,
      updatedAt: new Date(),
    };
    if (before) await tx.update(channelProviders).set(values).where(eq(channelProviders.provider, provider));
    else await tx.insert(channelProviders).values({ provider, ...values });
    await audit(ctx, tx, {
      action: "channels.provider_update",
      entity: "channel_providers",
      details: {
        provider,
        enabled: { before: before?.enabled ?? null, after: body.enabled },
        // Plain settings are shown as they were and are; secrets only by what happened to them.
        changes,
        plain: { before: before?.plain ?? null, after: plain },
      },
    });
  });
  const stored = await storedProviders(ctx);
  return providerView(ctx, provider, stored.get(provider));
}

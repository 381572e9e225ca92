import {
  brandContrast,
  type CountryProfile,
  MIN_BRAND_CONTRAST,
  type Modules,
  mixWithWhite,
  type PublicBranding,
  type UpdateCountryProfileInput,
} from "@openclm/contracts";
import { eq } from "drizzle-orm";
import { getCountryCallingCode, isSupportedCountry } from "libphonenumber-js";
import { audit } from "../audit/audit.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { requireCountryScope } from "../identity/scope.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { getSetting, putSetting } from "../platform/platform.repo.js";
import { languages } from "../platform/platform.schema.js";
import type { CountrySettings } from "../platform/platform.service.js";
import { logoInfo } from "./country-logo.js";

export const DEFAULT_MODULES: Modules = { rights: true, information: true, nearMe: true, forum: true };
/** The colours of base.css, used until a country chooses its own. */
export const DEFAULT_COLOURS = { brand: "#0b5c66", brandStrong: "#073f46" };
export const DEFAULT_TIME_ZONE = "UTC";

/** What the "country" setting holds: the geography's country fields plus the profile edited in Set-up. */
export interface CountryProfileSettings extends Partial<CountrySettings> {
  timeZone?: string;
  modules?: Partial<Modules>;
  colours?: { brand: string; brandStrong: string };
  /** Set when an administrator chose the offered languages (the checklist's "languages" step). */
  languagesChosenAt?: string;
  updatedAt?: string;
}

export function brandingOf(settings: CountryProfileSettings | undefined, logo: { sha256: string } | null) {
  const colours = settings?.colours ?? DEFAULT_COLOURS;
  return {
    colours: { ...colours, brandTint: mixWithWhite(colours.brand, 0.9) },
    logoUrl: logo ? `/api/branding/logo?v=${logo.sha256.slice(0, 16)}` : null,
  } satisfies PublicBranding;
}

export function modulesOf(settings: CountryProfileSettings | undefined): Modules {
  return { ...DEFAULT_MODULES, ...settings?.modules };
}

export function callingCodeOf(code: string | undefined): string | null {
  return code && isSupportedCountry(code) ? `+${getCountryCallingCode(code)}` : null;
}

/** Reads one after another: `db` may be the caller's transaction, whose one connection runs a statement at a time. */
async function readProfile(db: Db): Promise<CountryProfile> {
  const settings = await getSetting<CountryProfileSettings>(db, "country");
  const platformName = await getSetting<string>(db, "platformName");
  const langs = await db.select().from(languages).orderBy(languages.sort, languages.code);
  const logo = await logoInfo(db);
  const branding = brandingOf(settings, logo);
  const offered = langs.filter((l) => l.enabled);
  return {
    names: settings?.names ?? {},
    code: settings?.code ?? "",
    callingCode: callingCodeOf(settings?.code),
    timeZone: settings?.timeZone ?? DEFAULT_TIME_ZONE,
    defaultLanguage: offered.find((l) => l.isDefault)?.code ?? offered[0]?.code ?? "en",
    offeredLanguages: offered.map((l) => l.code),
    configuredLanguages: langs.map((l) => ({ code: l.code, name: l.name, dir: l.dir })),
    platformName: platformName ?? "OpenCLM",
    colours: branding.colours,
    logo: logo && branding.logoUrl ? { url: branding.logoUrl, contentType: logo.contentType, bytes: logo.bytes } : null,
    modules: modulesOf(settings),
    updatedAt: settings?.updatedAt ?? null,
  };
}

/** The country profile as Set-up edits it. Country-wide: a region's administrator may read it, not change it. */
export async function getCountryProfile(ctx: Ctx): Promise<CountryProfile> {
  return readProfile(ctx.db);
}

function invalid(field: string, problem: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError("VALIDATION_FAILED", `${field}: ${problem}`, { field, problem, ...extra });
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Every rule the body's shape cannot express; throws VALIDATION_FAILED naming the field and the problem. */
function checkInput(input: UpdateCountryProfileInput, configured: string[], offeredNow: string[], defaultNow: string) {
  if (input.code !== undefined && !isSupportedCountry(input.code)) throw invalid("code", "unknown_country");
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) throw invalid("timeZone", "unknown_time_zone");
  const offered = input.offeredLanguages ?? offeredNow;
  for (const code of offered) if (!configured.includes(code)) throw invalid("offeredLanguages", "unknown_language");
  const defaultLanguage = input.defaultLanguage ?? (offered.includes(defaultNow) ? defaultNow : offered[0]!);
  if (!offered.includes(defaultLanguage)) throw invalid("defaultLanguage", "not_offered");
  for (const code of Object.keys(input.names ?? {}))
    if (!configured.includes(code)) throw invalid("names", "unknown_language");
  if (input.colours) {
    const { brand, brandStrong } = input.colours;
    for (const [field, colour] of [
      ["colours.brand", brand],
      ["colours.brandStrong", brandStrong],
    ] as const) {
      const ratio = brandContrast(colour, brand);
      if (ratio < MIN_BRAND_CONTRAST)
        throw invalid(field, "low_contrast", { ratio: Math.round(ratio * 100) / 100, minimum: MIN_BRAND_CONTRAST });
    }
  }
  return { offered, defaultLanguage };
}

/**
 * Changes the country profile: any of name, ISO code (and so the phone numbering plan), time zone, offered and
 * default languages, platform name, colours and modules. Country-wide, so it needs a country-wide scope. The audit
 * row holds the profile before and after (none of it is personal data).
 */
export async function updateCountryProfile(ctx: Ctx, input: UpdateCountryProfileInput): Promise<CountryProfile> {
  await requireCountryScope(ctx);
  return withTransaction(ctx, async (tx) => {
    const before = await readProfile(tx);
    const configured = before.configuredLanguages.map((l) => l.code);
    const { offered, defaultLanguage } = checkInput(input, configured, before.offeredLanguages, before.defaultLanguage);
    const settings = (await getSetting<CountryProfileSettings>(tx, "country")) ?? {};
    const now = new Date().toISOString();
    const next: CountryProfileSettings = {
      ...settings,
      ...(input.names ? { names: { ...settings.names, ...input.names } } : {}),
      ...(input.code ? { code: input.code } : {}),
      ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      ...(input.colours ? { colours: input.colours } : {}),
      ...(input.modules ? { modules: { ...modulesOf(settings), ...input.modules } } : {}),
      ...(input.offeredLanguages || input.defaultLanguage ? { languagesChosenAt: now } : {}),
      levels: settings.levels ?? [],
      updatedAt: now,
    };
    await putSetting(tx, "country", next);
    if (input.platformName) await putSetting(tx, "platformName", input.platformName);
    if (input.offeredLanguages || input.defaultLanguage) {
      for (const code of configured) {
        await tx
          .update(languages)
          .set({ enabled: offered.includes(code), isDefault: code === defaultLanguage })
          .where(eq(languages.code, code));
      }
    }
    const after = await readProfile(tx);
    await audit(ctx, tx, {
      action: "country_profile.update",
      entity: "country_profile",
      entityId: null,
      details: { changed: Object.keys(input), before: auditView(before), after: auditView(after) },
    });
    return after;
  });
}

/** The profile as the audit log keeps it: everything but what is derived or listed elsewhere. */
function auditView(p: CountryProfile) {
  const { configuredLanguages: _c, callingCode: _cc, logo, updatedAt: _u, ...rest } = p;
  return { ...rest, logo: logo ? { contentType: logo.contentType, bytes: logo.bytes } : null };
}

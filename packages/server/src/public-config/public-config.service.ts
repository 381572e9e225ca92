import type { PublicConfig } from "@openclm/contracts";
import { logoInfo } from "../country/country-logo.js";
import { brandingOf, type CountryProfileSettings, DEFAULT_TIME_ZONE, modulesOf } from "../country/country-profile.js";
import { listAreas } from "../geography/geography.repo.js";
import { vapidKeys } from "../notifications/web-push.service.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { getSetting } from "../platform/platform.repo.js";
import { resolveLanguage } from "../platform/platform.service.js";
import { deviceSetting } from "../settings/device-setting.js";
import { mapTilesSetting } from "../settings/map-tiles.js";
import { reportQuestions } from "../settings/report-questions.js";
import { loadKeyPopulations, loadTaxonomy, retiredItems } from "../taxonomy/taxonomy.repo.js";
import { loadItems } from "../taxonomy/taxonomy-items.js";
import { fallbacksByLanguage } from "../translations/languages.service.js";
import { translationsVersion } from "../translations/translations.service.js";

/** Everything a client needs before anyone signs in: languages, taxonomy, areas — in the caller's language. */
export async function getPublicConfig(ctx: Ctx, requested: string | undefined): Promise<PublicConfig> {
  const { langs, lang, defaultLang } = await resolveLanguage(ctx, requested);
  const [
    taxonomy,
    areaRows,
    country,
    platformName,
    device,
    logo,
    keyPopulations,
    questions,
    everything,
    tiles,
    vapid,
    fallbacks,
    version,
  ] = await Promise.all([
    loadTaxonomy(ctx.db),
    listAreas(ctx.db),
    getSetting<CountryProfileSettings>(ctx.db, "country"),
    getSetting<string>(ctx.db, "platformName"),
    deviceSetting(ctx.db),
    logoInfo(ctx.db),
    loadKeyPopulations(ctx.db),
    reportQuestions(ctx.db),
    loadItems(ctx.db),
    mapTilesSetting(ctx.db),
    vapidKeys(ctx),
    fallbacksByLanguage(ctx.db),
    translationsVersion(ctx.db),
  ]);
  const t = (text: Record<string, string>) => pickText(text, lang, defaultLang);
  return {
    platformName: platformName ?? "OpenCLM",
    country: { code: country?.code ?? "", name: country?.names ? t(country.names) : "" },
    language: lang,
    languages: langs.map((l) => ({
      code: l.code,
      name: l.name,
      dir: l.dir,
      isDefault: l.isDefault,
      fallbacks: fallbacks.get(l.code) ?? ["en"],
    })),
    levels: country?.levels ?? [],
    taxonomy: taxonomy.map((c) => ({
      code: c.code,
      icon: c.icon,
      label: t(c.labels),
      description: t(c.descriptions),
      subcategories: c.subcategories.map((s) => ({
        code: s.code,
        label: t(s.labels),
        description: t(s.descriptions),
        challengeTypes: s.challengeTypes.map((ct) => ({ code: ct.code, label: t(ct.labels) })),
      })),
    })),
    areas: areaRows.map((a) => ({
      id: a.id,
      parentId: a.parentId,
      level: a.level,
      code: a.code,
      name: t(a.names),
      isLeaf: a.isLeaf,
    })),
    demo: ctx.services.config.demo,
    device: { keepReportsByDefault: device.keepReportsByDefault },
    modules: modulesOf(country),
    branding: brandingOf(country, logo),
    timeZone: country?.timeZone ?? DEFAULT_TIME_ZONE,
    keyPopulations: keyPopulations.map((k) => ({ code: k.code, label: t(k.labels) })),
    retired: retiredItems(everything, taxonomy, keyPopulations).map((i) => ({ code: i.code, label: t(i.labels) })),
    questions,
    map: { tileUrl: tiles.tileUrl, attribution: tiles.attribution },
    webPushPublicKey: vapid.publicKey,
    translationsVersion: version,
  };
}

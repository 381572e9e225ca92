import type { ForumSetting, SettingKey, Settings, SettingsHistory, UpdateSettingsInput } from "@openclm/contracts";
import { listAudit } from "../audit/audit.repo.js";
import { audit } from "../audit/audit.service.js";
import { SMS_SETTING, smsSetting } from "../channels/sms-setting.js";
import { suppressionRule } from "../dashboard/indicators.service.js";
import { type Db, withTransaction } from "../db/database.js";
import { FORUM_SETTING, forumSetting } from "../forum/forum-setting.js";
import { requireCountryScope } from "../identity/scope.js";
import { sessionPolicy } from "../identity/sessions.js";
import { duplicateWindowDays, registrationRequired } from "../inbox/inbox.service.js";
import { NOTIFICATIONS_SETTING, notificationsSetting } from "../notifications/notifications-setting.js";
import type { Ctx } from "../platform/context.js";
import { putSetting } from "../platform/platform.repo.js";
import { globalSla } from "../protocols/protocol-sla.js";
import { RATINGS_SETTING, ratingsSetting } from "../ratings/ratings.service.js";
import { RETENTION_SETTING, retentionSetting } from "../reports/retention.js";
import { DEVICE_SETTING, deviceSetting } from "./device-setting.js";
import { MAP_TILES_SETTING, mapTilesSetting } from "./map-tiles.js";
import { REPORT_QUESTIONS_SETTING, reportQuestions } from "./report-questions.js";

/**
 * Each setting of the API: the key of the `settings` table it is stored under (and that its domain reads, with its
 * own default), how it reads with the default filled in, and how the API's value is stored there. Every reader reads
 * the table on each use, so a change takes effect on the next request without any cache to clear.
 */
const settings: {
  [K in SettingKey]: { storedAs: string; read: (db: Db) => Promise<Settings[K]>; stored: (v: Settings[K]) => unknown };
} = {
  device: { storedAs: DEVICE_SETTING, read: deviceSetting, stored: (v) => v },
  retention: { storedAs: RETENTION_SETTING, read: retentionSetting, stored: (v) => v },
  suppression: { storedAs: "dashboard.suppression", read: suppressionRule, stored: (v) => v },
  sessions: { storedAs: "security.sessions", read: sessionPolicy, stored: (v) => v },
  duplicates: {
    storedAs: "reports.duplicateWindowDays",
    read: async (db) => ({ windowDays: await duplicateWindowDays(db) }),
    stored: (v) => v.windowDays,
  },
  registration: {
    storedAs: "reports.registrationRequired",
    read: async (db) => ({ required: await registrationRequired(db) }),
    stored: (v) => v.required,
  },
  responseTargets: {
    storedAs: "reports.sla",
    read: async (db) => {
      const sla = await globalSla(db);
      return { firstResponseHours: sla.firstResponseHours, resolutionDays: Math.round(sla.resolutionHours / 24) };
    },
    stored: (v) => v,
  },
  reportQuestions: { storedAs: REPORT_QUESTIONS_SETTING, read: reportQuestions, stored: (v) => v },
  sms: { storedAs: SMS_SETTING, read: smsSetting, stored: (v) => v },
  mapTiles: { storedAs: MAP_TILES_SETTING, read: mapTilesSetting, stored: (v) => v },
  ratings: { storedAs: RATINGS_SETTING, read: ratingsSetting, stored: (v) => v.minimumCount },
  notifications: { storedAs: NOTIFICATIONS_SETTING, read: notificationsSetting, stored: (v) => v },
  forum: { storedAs: FORUM_SETTING, read: forumSetting, stored: (v) => v },
};

const keys = Object.keys(settings) as SettingKey[];

/** Every setting administrators edit through the API, with its defaults where none is stored. */
export async function getSettings(ctx: Ctx): Promise<Settings> {
  const values = await Promise.all(keys.map((k) => settings[k].read(ctx.db)));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Settings;
}

/**
 * Stores the settings given (each validated whole by the contract), audited in the same transaction with the old and
 * new values: settings hold no personal data. A value equal to the current one is not stored or audited again.
 * Answers every setting as it now is.
 */
export async function updateSettings(ctx: Ctx, input: UpdateSettingsInput): Promise<Settings> {
  await withTransaction(ctx, async (tx) => {
    for (const key of keys) {
      const value = input[key];
      if (value === undefined) continue;
      const { storedAs, read, stored } = settings[key] as (typeof settings)["device"];
      const before = await read(tx);
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
      await putSetting(tx, storedAs, stored(value as Settings["device"]));
      await audit(ctx, tx, {
        action: "settings.update",
        entity: "setting",
        entityId: storedAs,
        details: { before, after: value },
      });
    }
  });
  return getSettings(ctx);
}

/**
 * The `forum` setting for Set-up → Get Connected (country administrators, `getForumSettings`): the same value as
 * `getSettings` holds, defaults filled in.
 */
export async function getForumSettings(ctx: Ctx): Promise<ForumSetting> {
  return forumSetting(ctx.db);
}

/**
 * A country administrator changes the forum's rules (`updateForumSettings`): the whole country's, so a regional
 * administrator is refused (403). Stored and audited exactly as `updateSettings` does, so the settings history shows it.
 */
export async function updateForumSettings(ctx: Ctx, value: ForumSetting): Promise<ForumSetting> {
  await requireCountryScope(ctx);
  return (await updateSettings(ctx, { forum: value })).forum;
}

const HISTORY_LIMIT = 200;

/** The latest changes of settings, newest first, from the audit log: who, when, before and after. */
export async function listSettingsHistory(ctx: Ctx): Promise<SettingsHistory> {
  const byStoredKey = new Map(keys.map((k) => [settings[k].storedAs, k as string]));
  const rows = await listAudit(ctx.db, { action: "settings.update", entity: "setting", limit: HISTORY_LIMIT });
  return {
    items: rows.map(({ event, actorEmail }) => ({
      id: event.seq,
      at: event.at.toISOString(),
      setting: byStoredKey.get(event.entityId ?? "") ?? event.entityId ?? "",
      actorEmail,
      actorRole: event.actorRole,
      before: event.details.before ?? null,
      after: event.details.after ?? null,
    })),
  };
}

import { DEFAULT_FORUM_SETTING, type ForumSetting, forumSettingSchema, type Helpline } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { pickText } from "../platform/i18n-text.js";
import { getSetting } from "../platform/platform.repo.js";
import { resolveLanguage } from "../platform/platform.service.js";

export const FORUM_SETTING = "forum";

/** The `forum` setting (contracts `forumSettingSchema`), or its defaults where unset or invalid. */
export async function forumSetting(db: Db): Promise<ForumSetting> {
  const parsed = forumSettingSchema.safeParse(await getSetting(db, FORUM_SETTING));
  return parsed.success ? parsed.data : DEFAULT_FORUM_SETTING;
}

/** The country's helpline in the reader's language: shown at once beside a post that held a crisis keyword. */
export async function helplineFor(ctx: Ctx, setting: ForumSetting): Promise<Helpline> {
  const { lang, defaultLang } = await resolveLanguage(ctx, ctx.language);
  return { phone: setting.helpline.phone, text: pickText(setting.helpline.text, lang, defaultLang) };
}

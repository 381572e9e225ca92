import { DEFAULT_SMS_SETTING, type SmsSetting, smsSettingSchema } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { getSetting } from "../platform/platform.repo.js";

/** The key of the `settings` table holding the outbound SMS setting (contracts: settings.ts `sms`). */
export const SMS_SETTING = "channels.sms";

/** The monthly SMS limit and whether notifications carry content; no limit and no content where nothing is stored. */
export async function smsSetting(db: Db): Promise<SmsSetting> {
  const parsed = smsSettingSchema.safeParse(await getSetting(db, SMS_SETTING));
  return parsed.success ? parsed.data : DEFAULT_SMS_SETTING;
}

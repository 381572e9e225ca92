import { DEFAULT_SMS_SETTING, type SmsSetting, smsSettingSchema } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { getSetting } from "../platform/platform.repo.js";

/** The key of the `settings` table holding the outbound SMS setting (contracts: settings.ts `sms`). */
export const SMS_SETTING = "channels.sms";

/** The monthly SMS limit; none where nothing is stored. */
export async function smsSetting(db: Db): Promise<SmsSetting> {
  const parsed = smsSettingSchema.strip().safeParse(await getSetting(db, SMS_SETTING));
  return parsed.success ? parsed.data : DEFAULT_SMS_SETTING;
}

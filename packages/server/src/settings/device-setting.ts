import { DEFAULT_DEVICE_SETTING, type DeviceSetting, deviceSettingSchema } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { getSetting } from "../platform/platform.repo.js";

/** The key of the `settings` table that holds the shared-device setting (contracts: settings.ts). */
export const DEVICE_SETTING = "device";

/** The shared-device setting, its default where none is stored (or what is stored no longer parses). */
export async function deviceSetting(db: Db): Promise<DeviceSetting> {
  const parsed = deviceSettingSchema.safeParse(await getSetting(db, DEVICE_SETTING));
  return parsed.success ? parsed.data : DEFAULT_DEVICE_SETTING;
}

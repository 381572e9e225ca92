import { DEFAULT_NOTIFICATIONS, type NotificationsSetting, notificationsSettingSchema } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { getSetting } from "../platform/platform.repo.js";

/** The key of the `settings` table that holds what notifications to reporters may say (contracts: settings.ts). */
export const NOTIFICATIONS_SETTING = "notifications.reporter";

/** The notifications setting; without one stored (or one that no longer parses), content stays out. */
export async function notificationsSetting(db: Db): Promise<NotificationsSetting> {
  const parsed = notificationsSettingSchema.safeParse(await getSetting(db, NOTIFICATIONS_SETTING));
  return parsed.success ? parsed.data : DEFAULT_NOTIFICATIONS;
}

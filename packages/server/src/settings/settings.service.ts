import type { Settings, UpdateSettingsInput } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { withTransaction } from "../db/database.js";
import type { Ctx } from "../platform/context.js";
import { putSetting } from "../platform/platform.repo.js";
import { RETENTION_SETTING, retentionSetting } from "../reports/retention.js";
import { DEVICE_SETTING, deviceSetting } from "./device-setting.js";

/** Every setting administrators edit through the API, with its defaults where none is stored. */
export async function getSettings(ctx: Ctx): Promise<Settings> {
  return { device: await deviceSetting(ctx.db), retention: await retentionSetting(ctx.db) };
}

/** Where each setting of `updateSettings` is stored (the key of the `settings` table). */
const storedAs: Record<keyof UpdateSettingsInput, string> = { device: DEVICE_SETTING, retention: RETENTION_SETTING };

/**
 * Stores the settings given (each validated whole by the contract), audited in the same transaction with the old and
 * new values: settings hold no personal data. Answers every setting as it now is.
 */
export async function updateSettings(ctx: Ctx, input: UpdateSettingsInput): Promise<Settings> {
  await withTransaction(ctx, async (tx) => {
    const before = await getSettings({ ...ctx, db: tx });
    for (const [key, value] of Object.entries(input) as [keyof UpdateSettingsInput, unknown][]) {
      if (value === undefined) continue;
      await putSetting(tx, storedAs[key], value);
      await audit(ctx, tx, {
        action: "settings.update",
        entity: "setting",
        entityId: storedAs[key],
        details: { before: before[key], after: value },
      });
    }
  });
  return getSettings(ctx);
}

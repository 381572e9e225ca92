import { z } from "zod";

/**
 * Shared-device safety (issue 12 item 5): whether a report sent from the community app is kept in "My reports" on
 * the phone unless the person unticks it. Off for programmes whose reports come from facility kiosks or lent phones:
 * the person then ticks "keep this report on this phone" if they want it. A device's own choice (set in "My
 * reports") and shared-device mode (`?device=shared`, which never keeps anything) come first.
 */
export const deviceSettingSchema = z.object({ keepReportsByDefault: z.boolean() }).strict();
export type DeviceSetting = z.infer<typeof deviceSettingSchema>;

/** Most reporters use their own phone: kept unless the programme says otherwise. */
export const DEFAULT_DEVICE_SETTING: DeviceSetting = { keepReportsByDefault: true };

/**
 * Retention (PRODUCT.md 4): how long after a report is closed or declined its conversation (messages with the
 * reporter and internal notes) and the rest of its personal data are kept. The `reports.retention` job erases them
 * after that; the de-identified facts stay. Messages cannot outlive the personal data they are part of.
 */
export const retentionSettingSchema = z
  .object({
    personalDataMonths: z.number().int().min(1).max(240),
    messagesMonths: z.number().int().min(1).max(240),
  })
  .strict()
  .refine((r) => r.messagesMonths <= r.personalDataMonths, {
    message: "messages cannot be kept longer than the personal data",
    path: ["messagesMonths"],
  });
export type RetentionSetting = z.infer<typeof retentionSettingSchema>;

export const DEFAULT_RETENTION: RetentionSetting = { personalDataMonths: 24, messagesMonths: 12 };

/** `getSettings`: every setting an administrator edits here, with its defaults filled in. */
export const settingsSchema = z.object({ device: deviceSettingSchema, retention: retentionSettingSchema });
export type Settings = z.infer<typeof settingsSchema>;

/** `updateSettings`: `{ "<key>": value }`, each value whole; unknown keys are refused. */
export const updateSettingsBodySchema = z
  .object({ device: deviceSettingSchema.optional(), retention: retentionSettingSchema.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "name at least one setting" });
export type UpdateSettingsInput = z.infer<typeof updateSettingsBodySchema>;

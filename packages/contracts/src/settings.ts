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

/** `getSettings`: every setting an administrator edits here, with its defaults filled in. */
export const settingsSchema = z.object({ device: deviceSettingSchema });
export type Settings = z.infer<typeof settingsSchema>;

/** `updateSettings`: `{ "<key>": value }`, each value whole; unknown keys are refused. */
export const updateSettingsBodySchema = z
  .object({ device: deviceSettingSchema.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "name at least one setting" });
export type UpdateSettingsInput = z.infer<typeof updateSettingsBodySchema>;

import { DEFAULT_MAP_TILES, type MapTilesSetting, mapTilesSettingSchema, tileOrigin } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { derivedSetting, getSetting } from "../platform/platform.repo.js";

/** The key of the `settings` table that holds Near Me's basemap (contracts: settings.ts). */
export const MAP_TILES_SETTING = "map.tiles";

/** Near Me's tile server, none where nothing (or nothing that still validates) is stored. */
export async function mapTilesSetting(db: Db): Promise<MapTilesSetting> {
  const parsed = mapTilesSettingSchema.safeParse(await getSetting(db, MAP_TILES_SETTING));
  return parsed.success ? parsed.data : DEFAULT_MAP_TILES;
}

/** The origin of a stored tile server, or null (a stored value that no longer validates counts as none). */
const originOf = (stored: unknown) => {
  const parsed = mapTilesSettingSchema.safeParse(stored);
  return parsed.success ? tileOrigin(parsed.data.tileUrl) : null;
};

/**
 * The tile server's origin for the Content-Security-Policy, set on every response: worked out once per loaded copy
 * of the settings (platform.repo.ts), so a change applies at once here and in other processes when their
 * notification arrives. A failed read gives no tile origin, never a failed response.
 */
export function mapTileOrigin(db: Db): Promise<string | null> {
  return derivedSetting(db, MAP_TILES_SETTING, originOf).catch(() => null);
}

import { DEFAULT_MAP_TILES, type MapTilesSetting, mapTilesSettingSchema, tileOrigin } from "@openclm/contracts";
import type { Db } from "../db/database.js";
import { getSetting } from "../platform/platform.repo.js";

/** The key of the `settings` table that holds Near Me's basemap (contracts: settings.ts). */
export const MAP_TILES_SETTING = "map.tiles";

/** Near Me's tile server, none where nothing (or nothing that still validates) is stored. */
export async function mapTilesSetting(db: Db): Promise<MapTilesSetting> {
  const parsed = mapTilesSettingSchema.safeParse(await getSetting(db, MAP_TILES_SETTING));
  return parsed.success ? parsed.data : DEFAULT_MAP_TILES;
}

/**
 * The tile server's origin for the Content-Security-Policy, read at most every 10 s per database (the header is set
 * on every response); a change made in this process applies at once (`invalidateTileOrigin`), in another process
 * within the 10 s.
 */
const TTL_MS = 10_000;
const cache = new WeakMap<object, { at: number; value: Promise<string | null> }>();

export function mapTileOrigin(db: Db): Promise<string | null> {
  const entry = cache.get(db);
  if (entry && Date.now() - entry.at < TTL_MS) return entry.value;
  const value = mapTilesSetting(db).then(
    (s) => tileOrigin(s.tileUrl),
    () => null,
  );
  cache.set(db, { at: Date.now(), value });
  return value;
}

export function invalidateTileOrigin(db: Db): void {
  cache.delete(db);
}

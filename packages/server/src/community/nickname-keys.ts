import type { Db } from "../db/database.js";
import * as repo from "./community.repo.js";
import { nicknameKey } from "./nickname.js";

/**
 * Gives accounts made before migration 0019 their nickname key (computed here: SQL has no confusables table). Two
 * old nicknames that look alike cannot share a key: the older account keeps it, the newer gets a key no typed
 * nickname produces, so it can no longer sign in by a look-alike name (and was a likely impersonation anyway).
 */
export async function fillNicknameKeys(db: Db): Promise<void> {
  const pending = await repo.accountsWithoutKey(db);
  for (const row of pending) {
    const key = nicknameKey(row.nickname);
    const clash = await repo.findLiveAccountByKey(db, key);
    await repo.setNicknameKey(db, row.id, clash ? `clash:${row.id}` : key);
  }
}

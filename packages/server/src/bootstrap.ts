import { sql } from "drizzle-orm";
import { fillNicknameKeys } from "./community/nickname-keys.js";
import type { Config } from "./config/config.js";
import type { FieldCipher } from "./crypto/field-cipher.js";
import { checkKeyFingerprint, type KeyCheck } from "./crypto/key-fingerprint.js";
import { type Database, withAdvisoryLock } from "./db/database.js";
import { type DemoAccount, seedDemoAccounts, writeDemoAccountsFile } from "./demo/demo-accounts.js";
import { seedDemoContent } from "./demo/demo-content.js";
import { seedDemoDashboardSetup } from "./demo/demo-dashboard-setup.js";
import { seedDemoForum } from "./demo/demo-forum.js";
import { seedDemoRatings } from "./demo/demo-ratings.js";
import { demoChannels, seedDemoReports } from "./demo/demo-reports.js";
import { seedDemoTeams } from "./demo/demo-teams.js";
import { seedDemoGeography } from "./demo/seed-demo.js";
import { areas } from "./geography/geography.schema.js";
import { getSetting, putSetting } from "./platform/platform.repo.js";
import { seedDefaultProtocols } from "./protocols/seed-protocols.js";
import { protectTrackingCodes } from "./reports/protect-tracking-codes.js";
import { seedDefaultLanguages, seedDefaultTaxonomy } from "./taxonomy/seed-taxonomy.js";

const SEED_LOCK_ID = 727_002;
export const DEMO_SEEDED_KEY = "demo.seededAt";

export interface BootstrapResult {
  demoSeeded: boolean;
  /** Only when the demo was loaded just now (the file in DATA_DIR keeps them afterwards). */
  demoAccounts?: DemoAccount[];
  /** Reports whose tracking code was moved out of clear text on this start (reports/protect-tracking-codes.ts). */
  trackingCodesProtected?: number;
  /** `rotating`: a key rotation is under way (crypto/key-rotation.ts); the caller carries it on in the background. */
  keyCheck?: KeyCheck;
}

/**
 * Brings a freshly migrated database to a usable state. Runs on every start and is idempotent: the defaults insert
 * only what is missing, and the demo country is loaded once, into an empty database, under a lock so that several
 * processes starting together on one PostgreSQL seed it exactly once. A process whose key is not the database's stops
 * here (KeyMismatchError), before it writes anything.
 */
export async function bootstrap(
  database: Database,
  config: Pick<Config, "demo"> & Partial<Pick<Config, "channels">>,
  deps: { cipher: FieldCipher; dataDir?: string },
): Promise<BootstrapResult> {
  const keyCheck = await checkKeyFingerprint(database.db, deps.cipher);
  const result = await withAdvisoryLock(database.db, SEED_LOCK_ID, async (tx): Promise<BootstrapResult> => {
    await seedDefaultLanguages(tx);
    await seedDefaultTaxonomy(tx);
    await seedDefaultProtocols(tx);
    await fillNicknameKeys(tx);
    if (!config.demo) return { demoSeeded: false };
    if (await getSetting(tx, DEMO_SEEDED_KEY)) return { demoSeeded: false };
    const [{ n } = { n: 0 }] = (await tx.select({ n: sql<number>`count(*)::int` }).from(areas)) as { n: number }[];
    if (n > 0) return { demoSeeded: false }; // a configured country is never overwritten by the demo
    await seedDemoGeography(tx);
    const demoAccounts = await seedDemoAccounts(tx, deps.cipher);
    await seedDemoTeams(tx);
    await seedDemoReports(tx, deps.cipher, { channels: demoChannels(config.channels) });
    await seedDemoDashboardSetup(tx);
    await seedDemoContent(tx);
    await putSetting(tx, DEMO_SEEDED_KEY, new Date().toISOString());
    return { demoSeeded: true, demoAccounts };
  });
  // Ratings and the forum go through their verbs, whose rate limiter writes on its own connection: after the seeding
  // transaction.
  if (result.demoSeeded) {
    await seedDemoRatings(database, deps.cipher);
    await seedDemoForum(database, deps.cipher);
  }
  if (result.demoAccounts && deps.dataDir) writeDemoAccountsFile(deps.dataDir, result.demoAccounts);
  // Before any request: a report is found by its code's hash only.
  const trackingCodesProtected = await protectTrackingCodes(database, deps.cipher);
  return { ...result, trackingCodesProtected, keyCheck };
}

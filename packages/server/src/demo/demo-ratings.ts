import { type RateFacilityBody, type RatingAspect, ratingAspects } from "@openclm/contracts";
import { asc, eq } from "drizzle-orm";
import type { Config } from "../config/config.js";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Database } from "../db/database.js";
import { facilities } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";
import type { Ctx } from "../platform/context.js";
import { createLogger } from "../platform/logger.js";
import { listRatingsToReview, moderateFacilityRating, rateFacility } from "../ratings/ratings.service.js";
import { mulberry32 } from "./grid-geometry.js";

/** What people write about the care they got; one holds a phone number, which the review list flags. */
const COMMENTS = [
  "The nurse explained how to take the medicines and what side effects to watch for.",
  "We waited from early morning until the afternoon.",
  "They asked me to pay for the sputum test, which should be free.",
  "Staff were kind and spoke to me in private.",
  "No TB medicines for two weeks, we were told to come back later.",
  "Clean and quick, the counsellor was very patient.",
  "They talked about my diagnosis in front of other patients.",
  "Please call me back on 0977 555 0142 about the missing medicines.",
];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Demoland's community ratings, made through the same verb the app calls (ratings/ratings.service.ts
 * `rateFacility`): so the hashes, the encryption of comments, the audit rows and the burst rule are the product's
 * own. Each demo person rates from their own phone and address over the past year. Some facilities reach the
 * minimum number of ratings (their averages show), many do not. The demo data manager then publishes half of the
 * comments in their region that carry nothing identifying, as they would; the rest, flagged ones and the other
 * region's wait in the review list.
 */
export async function seedDemoRatings(
  database: Database,
  cipher: FieldCipher,
  opts: { seed?: number; now?: Date } = {},
): Promise<{ ratings: number; published: number }> {
  const rnd = mulberry32(opts.seed ?? 20_261_204);
  const now = (opts.now ?? new Date()).getTime();
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(rnd() * 4)] as string;
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const services = {
    config: { replicaMaxLagSeconds: 0 } as Config,
    database,
    cipher,
    log: createLogger({ logLevel: "silent", nodeEnv: "production" }),
  };
  const base = (actor: Ctx["actor"]): Ctx => ({
    services,
    db: database.db,
    log: services.log,
    requestId: "demo-ratings",
    actor,
    language: "en",
  });
  const person = base({ type: "anonymous" });

  const list = await database.db
    .select({ id: facilities.id })
    .from(facilities)
    .where(eq(facilities.active, true))
    .orderBy(asc(facilities.code));
  // How many people rated each facility: a few places are rated often, most a little or not at all.
  const counts = [0, 0, 0, 1, 2, 3, 5, 6, 8];
  let made = 0;
  const pending: Promise<unknown>[] = [];
  for (const f of list) {
    const n = counts[Math.floor(rnd() * counts.length)] as number;
    const mean = 1.6 + rnd() * 3.2;
    const score = () => Math.min(5, Math.max(1, Math.round(mean + (rnd() + rnd() - 1) * 1.8)));
    for (let i = 0; i < n; i++) {
      const aspects: Partial<Record<RatingAspect, number>> = {};
      for (const a of ratingAspects) if (rnd() < 0.7) aspects[a] = score();
      const body: RateFacilityBody = {
        clientId: uuid(),
        deviceId: uuid(),
        overall: score(),
        ...(Object.keys(aspects).length ? { aspects } : {}),
        ...(rnd() < 0.2 ? { comment: COMMENTS[Math.floor(rnd() * COMMENTS.length)] } : {}),
      };
      made += 1;
      const ip = `10.${(made >> 16) & 255}.${(made >> 8) & 255}.${made & 255}`;
      const at = new Date(now - Math.floor(rnd() * 330 * DAY_MS) - DAY_MS);
      // Sent together, as people's phones would: the rate limiter and the database batch them.
      pending.push(rateFacility({ ...person, ip }, f.id, body, at));
    }
  }
  await Promise.all(pending);

  const [dm] = await database.db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.email, "data.manager@demo.openclm.org"))
    .limit(1);
  let published = 0;
  if (dm) {
    const manager = base({
      type: "staff",
      userId: dm.id,
      role: dm.role,
      email: dm.email,
      scopeAreaIds: dm.scopeAreaIds,
      scopeFacilityIds: dm.scopeFacilityIds,
      sessionHash: "demo",
      stage: "full",
    });
    const { items } = await listRatingsToReview(manager);
    for (const [i, item] of items.entries()) {
      if (item.comment === null || item.flags.length > 0 || i % 2 === 1) continue;
      await moderateFacilityRating(manager, item.id, { comment: "approve" });
      published += 1;
    }
  }
  return { ratings: made, published };
}

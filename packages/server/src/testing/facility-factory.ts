import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { areas, facilities } from "../geography/geography.schema.js";
import type { TestApp } from "./test-app.js";

/**
 * A facility of the test's own, in `districtId`, so a test does not depend on which facilities the demo has. Its
 * position is the district's bounding-box centre (or 0,0 without a boundary).
 */
export async function createFacility(
  t: Pick<TestApp, "database">,
  districtId: string,
  values: Partial<typeof facilities.$inferInsert> = {},
): Promise<{ id: string; name: string; districtId: string }> {
  const [district] = await t.database.db.select({ bbox: areas.bbox }).from(areas).where(eq(areas.id, districtId));
  const [w = 0, s = 0, e = 0, n = 0] = district?.bbox ?? [];
  const name = `Test clinic ${crypto.randomUUID().slice(0, 8)}`;
  const [row] = await t.database.db
    .insert(facilities)
    .values({
      code: `TEST-${crypto.randomUUID().slice(0, 12)}`,
      names: { en: name },
      type: "tb_clinic",
      districtId,
      lat: (s + n) / 2,
      lng: (w + e) / 2,
      ...values,
    })
    .returning({ id: facilities.id });
  return { id: row!.id, name, districtId };
}

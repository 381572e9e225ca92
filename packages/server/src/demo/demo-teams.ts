import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/database.js";
import { areas } from "../geography/geography.schema.js";
import { staffUsers } from "../identity/identity.schema.js";
import { putSetting } from "../platform/platform.repo.js";
import * as teamsRepo from "../teams/teams.repo.js";

/**
 * Demoland's responder teams, one per demo responder's district, with that responder and (in region A) the data
 * manager as members; and the programme's requirement that reporters be registered, so the flag shows in the demo.
 */
export async function seedDemoTeams(db: Db): Promise<void> {
  await putSetting(db, "reports.registrationRequired", true);
  const emails = ["responder@demo.openclm.org", "responder2@demo.openclm.org"];
  const found = await db.select().from(staffUsers).where(inArray(staffUsers.email, emails));
  const responders = emails.flatMap((e) => found.filter((u) => u.email === e));
  const [dataManager] = await db.select().from(staffUsers).where(eq(staffUsers.email, "data.manager@demo.openclm.org"));
  const kinds = ["Legal aid team", "Psychosocial support team"];
  for (const [i, responder] of responders.entries()) {
    const districtId = responder.scopeAreaIds[0];
    if (!districtId) continue;
    const [district] = await db.select().from(areas).where(eq(areas.id, districtId));
    const name = `${kinds[i % kinds.length]} — ${district?.names.en ?? district?.code ?? "district"}`;
    const team = await teamsRepo.insertTeam(db, { name, scopeAreaIds: [districtId] });
    if (!team) continue;
    await teamsRepo.addMember(db, team.id, responder.id);
    if (dataManager?.scopeAreaIds.some((a) => district?.ancestorIds.includes(a))) {
      await teamsRepo.addMember(db, team.id, dataManager.id);
    }
  }
}

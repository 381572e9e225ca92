import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Scope, StaffRoleCode } from "@openclm/contracts";
import { asc } from "drizzle-orm";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { Db } from "../db/database.js";
import { areas } from "../geography/geography.schema.js";
import * as identityRepo from "../identity/identity.repo.js";
import { hashPassword } from "../identity/passwords.js";
import { resolveScope } from "../identity/scope.js";
import { newTotpSecret } from "../identity/totp.js";

export interface DemoAccount {
  role: StaffRoleCode;
  email: string;
  password: string;
  totpSecret: string;
  scope: Scope & { areaCodes: string[] };
}

/** Random per installation: demo mode has no published default passwords, only the 0600 file it writes. */
function demoPassword(): string {
  return `demo-${crypto.randomBytes(12).toString("base64url")}`;
}

/**
 * One staff account per role, second factor already enrolled. The two first responders are scoped to districts in
 * different regions, the peer supporter and data manager to one region, a second peer supporter to a district of the
 * other region, everyone else to the whole country.
 */
export async function seedDemoAccounts(db: Db, cipher: FieldCipher): Promise<DemoAccount[]> {
  const all = await db
    .select({ id: areas.id, code: areas.code, level: areas.level, parentId: areas.parentId })
    .from(areas)
    .orderBy(asc(areas.code));
  const country = all.find((a) => a.level === 0);
  const regions = all.filter((a) => a.level === 1);
  const districtsOf = (regionId: string | undefined) => all.filter((a) => a.parentId === regionId);
  if (!country || regions.length < 2) throw new Error("demo accounts need the demo geography first");
  const [regionA, regionB] = regions;
  const plan: { role: StaffRoleCode; email: string; scope: typeof all }[] = [
    { role: "peer_supporter", email: "peer@demo.openclm.org", scope: [regionA!] },
    // A second peer supporter for one district of the other region: moderates only the forum's local topics there.
    { role: "peer_supporter", email: "peer.district@demo.openclm.org", scope: [districtsOf(regionB!.id)[0]!] },
    { role: "data_manager", email: "data.manager@demo.openclm.org", scope: [regionA!] },
    { role: "first_responder", email: "responder@demo.openclm.org", scope: [districtsOf(regionA!.id)[0]!] },
    { role: "first_responder", email: "responder2@demo.openclm.org", scope: [districtsOf(regionB!.id)[0]!] },
    { role: "analyst", email: "analyst@demo.openclm.org", scope: [country] },
    { role: "country_admin", email: "country.admin@demo.openclm.org", scope: [country] },
    { role: "system_admin", email: "system.admin@demo.openclm.org", scope: [country] },
    { role: "auditor", email: "auditor@demo.openclm.org", scope: [country] },
    { role: "content_editor", email: "content.editor@demo.openclm.org", scope: [country] },
  ];
  const accounts: DemoAccount[] = [];
  for (const p of plan) {
    const password = demoPassword();
    const totpSecret = newTotpSecret();
    const scopeAreaIds = p.scope.map((a) => a.id);
    await identityRepo.insertUser(db, {
      email: p.email,
      displayName: p.email.split("@")[0]!.replace(/[.\d]/g, " ").trim(),
      role: p.role,
      scopeAreaIds,
      passwordHash: await hashPassword(password),
      totpSecretEnc: cipher.encrypt(totpSecret),
      totpEnabledAt: new Date(),
    });
    const scope = await resolveScope(db, { areaIds: scopeAreaIds, facilityIds: [] });
    accounts.push({
      role: p.role,
      email: p.email,
      password,
      totpSecret,
      scope: { ...scope, areaCodes: p.scope.map((a) => a.code) },
    });
  }
  return accounts;
}

export function writeDemoAccountsFile(dataDir: string, accounts: DemoAccount[]): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, "demo-accounts.json");
  fs.writeFileSync(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600); // an existing file keeps its old mode on overwrite
  return file;
}

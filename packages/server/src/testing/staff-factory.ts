import crypto from "node:crypto";
import type { StaffRoleCode } from "@openclm/contracts";
import type { DemoAccount } from "../demo/demo-accounts.js";
import * as identityRepo from "../identity/identity.repo.js";
import { hashPassword } from "../identity/passwords.js";
import { resolveScope } from "../identity/scope.js";
import { newTotpSecret } from "../identity/totp.js";
import type { TestApp } from "./test-app.js";

/**
 * A staff account of any role and scope, second factor enrolled, for tests that need one the demo does not have
 * (a region-scoped country administrator, say). Sign in with `signInAs(t.app, account)`.
 */
export async function createStaffAccount(
  t: TestApp,
  role: StaffRoleCode,
  scope: { areaIds?: string[]; facilityIds?: string[] },
): Promise<DemoAccount> {
  const email = `${role}.${crypto.randomUUID().slice(0, 8)}@test.openclm.org`;
  const password = `test-${crypto.randomBytes(12).toString("base64url")}`;
  const totpSecret = newTotpSecret();
  const areaIds = scope.areaIds ?? [];
  const facilityIds = scope.facilityIds ?? [];
  await identityRepo.insertUser(t.database.db, {
    email,
    displayName: `Test ${role}`,
    role,
    scopeAreaIds: areaIds,
    scopeFacilityIds: facilityIds,
    passwordHash: await hashPassword(password),
    totpSecretEnc: t.cipher.encrypt(totpSecret),
    totpEnabledAt: new Date(),
  });
  const resolved = await resolveScope(t.database.db, { areaIds, facilityIds });
  return { role, email, password, totpSecret, scope: { ...resolved, areaCodes: [] } };
}

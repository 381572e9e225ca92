import crypto from "node:crypto";
import type { Ctx } from "../platform/context.js";
import { createStaffUser } from "./staff-users.service.js";

/**
 * A one-time password nobody chose: 128 random bits in base64url (22 characters), far beyond the password policy.
 * It is shown once and must be replaced at first sign-in (createStaffUser sets mustChangePassword).
 */
export function oneTimePassword(): string {
  return crypto.randomBytes(16).toString("base64url");
}

/**
 * `npm run admin:create`: a system administrator made from the command line, the way into a new installation (and
 * back in, should every administrator be locked out). No scope is named: a system administrator acts country-wide
 * (identity/scope.ts `scopeOfStaff`). The second factor is enrolled at first sign-in; the audit row names the system
 * actor `admin:create`. Throws EMAIL_TAKEN when the email has an account already.
 */
export async function createFirstAdmin(ctx: Ctx, input: { email: string; displayName: string }) {
  const password = oneTimePassword();
  const user = await createStaffUser(
    ctx,
    { ...input, role: "system_admin", scopeAreaIds: [], scopeFacilityIds: [], password },
    { skipReauth: true },
  );
  return { id: user.id, email: user.email, password };
}

import type { SecurityNotice } from "@openclm/contracts";
import { sql } from "drizzle-orm";
import type { Database } from "../db/database.js";

/**
 * What an account owner is told after signing in: the failed attempts on the account since the sign-in before this
 * one, read from the audit log (every failed password, code or PIN is audited there, which is also where
 * administrators see them). Readers of the audit log are also told how many repeated-failure alerts
 * (`auth.repeated_failures`, identity/throttle.ts) were raised since their own previous sign-in.
 */
export async function securityNotice(
  database: Database,
  account: { entity: "staff_user" | "community_account"; id: string; signInAction: string },
  opts: { withAlerts?: boolean } = {},
): Promise<SecurityNotice | null> {
  const [row] = await database.rows<{ failed: number; last_at: string | null; alerts: number | null }>(sql`
    WITH since AS (
      SELECT COALESCE((
        SELECT seq FROM audit_events
        WHERE entity = ${account.entity} AND entity_id = ${account.id} AND action = ${account.signInAction}
          AND outcome = 'success'
        ORDER BY seq DESC OFFSET 1 LIMIT 1), 0) AS seq
    )
    SELECT
      (SELECT count(*)::int FROM audit_events, since WHERE entity = ${account.entity} AND entity_id = ${account.id}
        AND outcome = 'failure' AND action <> 'auth.repeated_failures' AND audit_events.seq > since.seq) AS failed,
      (SELECT max(at)::text FROM audit_events, since WHERE entity = ${account.entity} AND entity_id = ${account.id}
        AND outcome = 'failure' AND action <> 'auth.repeated_failures' AND audit_events.seq > since.seq) AS last_at,
      CASE WHEN ${opts.withAlerts === true} THEN (SELECT count(*)::int FROM audit_events, since
        WHERE action = 'auth.repeated_failures' AND audit_events.seq > since.seq) END AS alerts`);
  const failed = Number(row?.failed ?? 0);
  const alerts = row?.alerts == null ? undefined : Number(row.alerts);
  if (failed === 0 && !alerts) return null;
  return {
    failedAttempts: failed,
    lastFailedAt: row?.last_at ? new Date(row.last_at).toISOString() : null,
    ...(alerts !== undefined ? { repeatedFailureAlerts: alerts } : {}),
  };
}

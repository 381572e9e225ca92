import type { AuditPage, AuditQuery, AuditVerification } from "@openclm/contracts";
import { staffGet, staffSend } from "../../api/staff-client.js";

/** The audit log's API (auditors and system admins; the server checks every call). */
export const auditApi = {
  list: (query: AuditQuery) =>
    staffGet<AuditPage>("/audit-events", query as Record<string, string | number | undefined>),
  verify: () => staffSend<AuditVerification>("POST", "/audit/verification"),
};

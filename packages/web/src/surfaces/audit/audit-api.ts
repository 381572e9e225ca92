import type { AuditQuery } from "@openclm/contracts";
import { staffApi } from "../../api/staff-client.js";

/** The audit log's API (auditors and system admins; the server checks every call). */
export const auditApi = {
  list: (query: AuditQuery) => staffApi("GET /audit-events", { query }),
  verify: () => staffApi("POST /audit/verification", {}),
};

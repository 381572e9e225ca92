import type {
  Dhis2Mapping,
  Dhis2Metadata,
  Dhis2Payload,
  Dhis2PushResult,
  UpdateDhis2Mapping,
} from "@openclm/contracts";
import { staffGet, staffSend } from "../../api/staff-client.js";

export const dhis2Api = {
  mapping: () => staffGet<Dhis2Mapping>("/dhis2/mapping"),
  save: (body: UpdateDhis2Mapping) => staffSend<Dhis2Mapping>("PUT", "/dhis2/mapping", body),
  metadata: () => staffGet<Dhis2Metadata>("/dhis2/metadata"),
  payload: (period: string) => staffGet<Dhis2Payload>("/dhis2/payload", { period }),
  push: (body: { period: string; dryRun: boolean; again: boolean }) =>
    staffSend<Dhis2PushResult>("POST", "/dhis2/pushes", body),
  history: () => staffGet<{ items: Dhis2PushResult[] }>("/dhis2/pushes"),
};

/** The month that ended last, as the platform names periods (2026-11). */
export function lastClosedMonth(now = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The quarter that ended last (2026Q3). */
export function lastClosedQuarter(now = new Date()): string {
  const q = Math.floor(now.getUTCMonth() / 3);
  return q === 0 ? `${now.getUTCFullYear() - 1}Q4` : `${now.getUTCFullYear()}Q${q}`;
}

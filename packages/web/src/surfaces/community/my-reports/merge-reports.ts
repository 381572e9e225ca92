import type { ReportStatus } from "@openclm/contracts";
import type { SavedReport } from "../outbox/saved-reports.js";
import type { AccountReport } from "./account-api.js";

/** One line of "Sent reports": kept on this device, known to the account, or both. */
export interface ListedReport extends SavedReport {
  /** Known only for the account's reports (the device keeps no status). */
  status?: ReportStatus;
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

/** The device's reports and the account's, each tracking code once, newest first. */
export function mergeReports(device: SavedReport[], account: AccountReport[]): ListedReport[] {
  const byCode = new Map<string, ListedReport>();
  for (const r of device) if (!byCode.has(r.trackingCode)) byCode.set(r.trackingCode, r);
  for (const r of account) {
    const known = byCode.get(r.trackingCode);
    byCode.set(r.trackingCode, {
      trackingCode: r.trackingCode,
      createdAt: known?.createdAt ?? r.createdAt,
      categoryCode: r.categoryCode,
      status: r.status,
    });
  }
  return [...byCode.values()].sort((a, b) => time(b.createdAt) - time(a.createdAt));
}

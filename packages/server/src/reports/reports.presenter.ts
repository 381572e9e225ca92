import type { MyReports, ReportMessage, ReportStatus, TrackedReport } from "@openclm/contracts";
import type { FieldCipher } from "../crypto/field-cipher.js";
import type { TrackedRow } from "./reports.repo.js";

/** A resolved report asks "was it resolved?" until the reporter answers for this resolution. */
export function canConfirm(row: Pick<TrackedRow, "status" | "resolvedAt" | "reporterConfirmedAt">): boolean {
  if (row.status !== "resolved") return false;
  if (!row.reporterConfirmedAt) return true;
  return row.resolvedAt !== null && row.reporterConfirmedAt < row.resolvedAt;
}

/** The reporter's view: status history and public messages, with no staff identities and no internal notes. */
export function presentTrackedReport(
  row: TrackedRow,
  timeline: { status: string | null; at: Date }[],
  messages: { from: "reporter" | "responder"; bodyEnc: string; at: Date }[],
  cipher: FieldCipher,
): TrackedReport {
  const confirmable = canConfirm(row);
  return {
    trackingCode: row.trackingCode,
    status: row.status as ReportStatus,
    categoryCode: row.categoryCode,
    subcategoryCode: row.subcategoryCode,
    createdAt: row.createdAt.toISOString(),
    timeline: timeline.flatMap((e) => (e.status ? [{ status: e.status as ReportStatus, at: e.at.toISOString() }] : [])),
    messages: messages.map((m) => presentMessage(m, cipher)),
    canConfirm: confirmable,
    reporterConfirmed: confirmable ? null : row.reporterConfirmed,
    consent: {
      contactMe: row.consentContactMe,
      shareDeidentified: row.consentShareDeidentified,
      useInAdvocacyStories: row.consentUseInAdvocacy,
    },
    hasPhone: row.hasPhone,
  };
}

export function presentMessage(
  m: { from: "reporter" | "responder"; bodyEnc: string; at: Date },
  cipher: FieldCipher,
): ReportMessage {
  return { from: m.from, body: cipher.decrypt(m.bodyEnc), at: m.at.toISOString() };
}

export function presentMyReports(
  rows: { trackingCode: string; status: string; categoryCode: string; subcategoryCode: string; createdAt: Date }[],
): MyReports {
  return {
    items: rows.map((r) => ({
      trackingCode: r.trackingCode,
      status: r.status as ReportStatus,
      categoryCode: r.categoryCode,
      subcategoryCode: r.subcategoryCode,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

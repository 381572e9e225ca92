import type {
  ChangeReportConsentInput,
  CommunityDataExport,
  Erasure,
  MyReports,
  ReportMessage,
  ReportStatus,
  TrackedReport,
} from "@openclm/contracts";
import type { FieldCipher } from "../crypto/field-cipher.js";
import { type ReportRow, revealTrackingCode, type TrackedRow } from "./reports.repo.js";

type ConsentColumns = Pick<ReportRow, "consentContactMe" | "consentShareDeidentified" | "consentUseInAdvocacy">;

/** A report's consent columns, named as the API names the purposes (the reporter's and the staff view). */
export function presentConsent(row: ConsentColumns): TrackedReport["consent"] {
  return {
    contactMe: row.consentContactMe,
    shareDeidentified: row.consentShareDeidentified,
    useInAdvocacyStories: row.consentUseInAdvocacy,
  };
}

/** The purposes as the API names them, as the report's consent columns. */
export function consentColumns(consent: ChangeReportConsentInput): ConsentColumns {
  return {
    consentContactMe: consent.contactMe,
    consentShareDeidentified: consent.shareDeidentified,
    consentUseInAdvocacy: consent.useInAdvocacyStories,
  };
}

/** When and by whom a report's personal data was erased, for staff; null while it is kept. */
export function presentErasure(r: Pick<ReportRow, "erasedAt" | "erasedBy">): Erasure | null {
  return r.erasedAt ? { at: r.erasedAt.toISOString(), by: r.erasedBy ?? "reporter" } : null;
}

/** A resolved report asks "was it resolved?" until the reporter answers for this resolution. */
export function canConfirm(row: Pick<TrackedRow, "status" | "resolvedAt" | "reporterConfirmedAt">): boolean {
  if (row.status !== "resolved") return false;
  if (!row.reporterConfirmedAt) return true;
  return row.resolvedAt !== null && row.reporterConfirmedAt < row.resolvedAt;
}

/** The status changes the reporter may see (the events passed in), as the reporter's timeline. */
function presentTimeline(timeline: { status: string | null; at: Date }[]): TrackedReport["timeline"] {
  return timeline.flatMap((e) => (e.status ? [{ status: e.status as ReportStatus, at: e.at.toISOString() }] : []));
}

/** The reporter's view: status history and public messages, with no staff identities and no internal notes. */
export function presentTrackedReport(
  row: TrackedRow,
  timeline: { status: string | null; at: Date }[],
  messages: { from: "reporter" | "responder"; bodyEnc: string; at: Date }[],
  cipher: FieldCipher,
  /** The status of the report this one was merged into, if it was. */
  mergedStatus?: string,
): TrackedReport {
  const confirmable = canConfirm(row);
  return {
    trackingCode: revealTrackingCode(cipher, row),
    status: row.status as ReportStatus,
    categoryCode: row.categoryCode,
    subcategoryCode: row.subcategoryCode,
    createdAt: row.createdAt.toISOString(),
    timeline: presentTimeline(timeline),
    messages: messages.map((m) => presentMessage(m, cipher)),
    canConfirm: confirmable,
    reporterConfirmed: confirmable ? null : row.reporterConfirmed,
    consent: presentConsent(row),
    hasPhone: row.hasPhone,
    mergedInto: mergedStatus ? { status: mergedStatus as ReportStatus } : null,
  };
}

export function presentMessage(
  m: { from: "reporter" | "responder"; bodyEnc: string; at: Date },
  cipher: FieldCipher,
): ReportMessage {
  return { from: m.from, body: cipher.decrypt(m.bodyEnc), at: m.at.toISOString() };
}

export function presentMyReports(
  rows: (Parameters<typeof revealTrackingCode>[1] & {
    status: string;
    categoryCode: string;
    subcategoryCode: string;
    createdAt: Date;
  })[],
  cipher: FieldCipher,
): MyReports {
  return {
    items: rows.map((r) => ({
      trackingCode: revealTrackingCode(cipher, r),
      status: r.status as ReportStatus,
      categoryCode: r.categoryCode,
      subcategoryCode: r.subcategoryCode,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** One report as its owner gets it in their data export: everything stored about it, in clear. */
export function presentReportForOwner(
  r: ReportRow,
  timeline: { status: string | null; at: Date }[],
  messages: { from: "reporter" | "responder"; bodyEnc: string; at: Date }[],
  cipher: FieldCipher,
): CommunityDataExport["reports"][number] {
  return {
    trackingCode: revealTrackingCode(cipher, r),
    status: r.status as ReportStatus,
    channel: r.channel,
    reporterMode: r.reporterMode,
    categoryCode: r.categoryCode,
    subcategoryCode: r.subcategoryCode,
    challengeTypes: r.challengeTypes,
    description: cipher.decryptOptional(r.descriptionEnc),
    occurredOn: r.occurredOn,
    districtId: r.districtId,
    facilityId: r.facilityId,
    gender: r.gender,
    ageGroup: r.ageGroup,
    keyPopulations: r.keyPopulations,
    consent: presentConsent(r),
    phone: cipher.decryptOptional(r.phoneEnc),
    language: r.language,
    createdAt: r.createdAt.toISOString(),
    timeline: presentTimeline(timeline),
    messages: messages.map((m) => presentMessage(m, cipher)),
  };
}

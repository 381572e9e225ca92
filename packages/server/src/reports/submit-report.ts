import crypto from "node:crypto";
import {
  type AssistantKind,
  type ConsentMethod,
  communityAssistantKinds,
  type SubmitReportInput,
  type SubmitReportResult,
  staffAssistantKinds,
} from "@openclm/contracts";
import { stagedAuditJson } from "../audit/audit.repo.js";
import { auditInput } from "../audit/audit.service.js";
import { randomBytes } from "../crypto/random-pool.js";
import { districtAt } from "../geography/geography.service.js";
import { roleHas } from "../identity/roles.js";
import { AppError } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import { negotiateLanguage } from "../platform/i18n-text.js";
import { phoneKey } from "./phone.js";
import { type IntakeJob, storeReport } from "./report-intake.js";
import { type ReportLookups, reportLookups } from "./reports.lookups.js";
import * as repo from "./reports.repo.js";
import { searchTokens } from "./search-words.js";

/** Clients may be up to this far ahead of UTC (UTC+14), so "today" on the device is never "the future". */
const DEVICE_CLOCK_AHEAD_MS = 14 * 3_600_000;
const EARLIEST_OCCURRED_ON = "2000-01-01";

export interface SubmitOutcome {
  /** False when the clientId was seen before: the existing report is answered, nothing is stored. */
  created: boolean;
  result: SubmitReportResult;
}

/**
 * Accepts a report from the app, the web, a channel adapter or a peer supporter. Every check runs before anything
 * is written, so a refused report leaves no trace; a replayed clientId answers the report already stored, even
 * when two replays race (the database's unique constraint on client_id decides). Checks use in-memory lookups;
 * the write joins concurrent submissions in one statement (report-intake.ts) and answers after it committed.
 */
export async function submitReport(ctx: Ctx, body: SubmitReportInput, now = new Date()): Promise<SubmitOutcome> {
  // A facility desk reports at its own facility, whatever the device sent (its district follows from the facility).
  const input =
    ctx.actor.type === "desk" ? { ...body, facilityId: ctx.actor.facilityId, districtId: null, position: null } : body;
  const assistant = assistanceOf(ctx, input);
  let checked: Awaited<ReturnType<typeof checkReport>>;
  try {
    checked = await checkReport(ctx, input, now);
  } catch (err) {
    // A replay of an accepted report is answered even if the rules changed since (no accepted report is lost).
    const existing =
      err instanceof AppError
        ? await repo.trackingCodeOfClientId(ctx.db, ctx.services.cipher, input.clientId)
        : undefined;
    if (existing) return { created: false, result: { trackingCode: existing, status: "submitted" } };
    if (existing === "") throw reportErased();
    throw err;
  }
  const job = intakeJob(ctx, input, checked, assistant, now);
  for (let attempt = 1; ; attempt++) {
    const outcome = await storeReport(ctx.services, job);
    if (outcome.kind === "erased") throw reportErased();
    if (outcome.kind !== "retry") {
      return {
        created: outcome.kind === "created",
        result: { trackingCode: outcome.trackingCode, status: "submitted" },
      };
    }
    if (attempt >= 3) throw new AppError("CONFLICT", "The report could not be stored, try again");
  }
}

/** A replay of a report whose personal data was erased since (reports/erasure.ts): it is not taken again. */
function reportErased(): AppError {
  return new AppError("REPORT_ERASED", "This report was deleted; it is not taken again");
}

/** The row to store: personal data encrypted, the report's id chosen here so its audit row can name it. */
function intakeJob(
  ctx: Ctx,
  input: SubmitReportInput,
  checked: Awaited<ReturnType<typeof checkReport>>,
  assistant: Assistance | null,
  now: Date,
): IntakeJob {
  const { cipher } = ctx.services;
  const id = crypto.randomUUID();
  // A practice report keeps nothing that could reach a person: no phone (so no SMS), no account, no device.
  const training = input.training;
  const phone = input.contact?.phone && !training ? phoneKey(input.contact.phone, checked.country) : null;
  const community = ctx.actor.type === "community" && !training ? ctx.actor.accountId : null;
  const description = input.description?.trim();
  return {
    id,
    client_id: input.clientId,
    channel: input.channel,
    reporter_mode: input.reporterMode,
    assisted_by: assistant?.staffId ?? null,
    assistant_kind: assistant?.kind ?? null,
    consent_method: assistant?.consentMethod ?? null,
    consent_reference_enc: cipher.encryptOptional(assistant?.consentReference ?? undefined),
    consent_recorded_at: assistant ? now.toISOString() : null,
    category_code: input.categoryCode,
    subcategory_code: input.subcategoryCode,
    challenge_types: [...new Set(input.challengeTypes)],
    description_enc: cipher.encryptOptional(description),
    // Tokenised here, before the group commit, so the shared statement does no extra work per report.
    search_tokens: searchTokens(cipher, description),
    occurred_on: checked.occurredOn,
    district_id: checked.districtId,
    region_id: checked.regionId,
    facility_id: checked.facilityId,
    gender: input.gender ?? "undisclosed",
    age_group: input.ageGroup ?? "undisclosed",
    key_populations: [...new Set(input.keyPopulations)],
    consent_contact_me: input.consent.contactMe && !training,
    consent_share_deidentified: input.consent.shareDeidentified,
    consent_use_in_advocacy: input.consent.useInAdvocacyStories,
    // The permanent disclosure-control key (dashboard/disclosure.ts), uniform on 0…65535.
    record_key: randomBytes(2).readUInt16BE(0),
    phone_enc: phone ? cipher.encrypt(input.contact?.phone ?? phone) : null,
    phone_hash: phone ? cipher.hash("phone", phone) : null,
    device_hash: input.deviceId && !training ? cipher.hash("device", input.deviceId) : null,
    community_account_id: community,
    language: checked.language,
    training,
    created_at: now.toISOString(),
    event_actor_type: assistant?.staffId ? "staff" : "reporter",
    event_actor_id: assistant?.staffId ?? community,
    audit: stagedAuditJson(
      auditInput(
        ctx,
        {
          action: "report.submit",
          entity: "report",
          entityId: id,
          details: {
            channel: input.channel,
            reporterMode: input.reporterMode,
            ...(assistant && { assistantKind: assistant.kind, consentMethod: assistant.consentMethod }),
            categoryCode: input.categoryCode,
            subcategoryCode: input.subcategoryCode,
            districtId: checked.districtId,
            ...(training && { training: true }),
          },
        },
        now,
      ),
    ),
  };
}

/** Who helped the person report and how they agreed (`on_behalf`), as recorded on the report. */
export interface Assistance {
  /** The staff account that assisted (a peer supporter); null for a community account, which the report names. */
  staffId: string | null;
  kind: AssistantKind;
  consentMethod: ConsentMethod;
  consentReference: string | null;
}

/**
 * `on_behalf` needs `assistedBy` and an account that may record it: a signed-in peer supporter (peer supporter,
 * treatment supporter or health worker), a community account (family or treatment supporter) or a facility desk's
 * device (facility_desk, named by the report's audit row). Nobody signed in
 * answers 401, not 403: the app's outbox then keeps the report and asks its sender to sign in again (an expired
 * session must not fail a report queued offline), and the replay after sign-in is still one report (clientId).
 */
function assistanceOf(ctx: Ctx, input: SubmitReportInput): Assistance | null {
  const assisted = input.assistedBy;
  if (input.reporterMode !== "on_behalf") {
    if (assisted) throw invalidAssistance("only a report made on someone's behalf says who assisted");
    return null;
  }
  if (!assisted) throw invalidAssistance("required when reporting on someone's behalf");
  const reference = assisted.consentReference?.trim() || null;
  if (assisted.consentMethod === "thumbprint" && !reference)
    throw invalidAssistance("a thumbprint consent needs the reference of its paper form", "consentReference");
  const actor = ctx.actor;
  const recorded = { kind: assisted.kind, consentMethod: assisted.consentMethod, consentReference: reference };
  if (actor.type === "staff" && actor.stage === "full" && roleHas(actor.role, "report:submit_on_behalf")) {
    if (!(staffAssistantKinds as readonly string[]).includes(assisted.kind)) throw kindNotAllowed(assisted.kind);
    return { staffId: actor.userId, ...recorded };
  }
  if (actor.type === "desk") {
    if (assisted.kind !== "facility_desk") throw kindNotAllowed(assisted.kind);
    return { staffId: null, ...recorded };
  }
  if (actor.type === "community") {
    if (!(communityAssistantKinds as readonly string[]).includes(assisted.kind)) throw kindNotAllowed(assisted.kind);
    return { staffId: null, ...recorded };
  }
  if (actor.type === "staff") {
    throw new AppError("FORBIDDEN", "Only a peer supporter or a community account can report on someone's behalf");
  }
  throw new AppError("UNAUTHENTICATED", "Sign in to report on someone's behalf");
}

function invalidAssistance(message: string, field = ""): AppError {
  const path = field ? `assistedBy.${field}` : "assistedBy";
  return new AppError("VALIDATION_FAILED", `assistedBy: ${message}`, [{ path, message }]);
}

function kindNotAllowed(kind: string): AppError {
  return new AppError("FORBIDDEN", `This account cannot report as ${kind}`, { kind });
}

/** Intake's checks without storing anything (read-only): the channel simulator runs them on its test reports. */
export async function checkReport(ctx: Ctx, input: SubmitReportInput, now: Date) {
  const occurredOn = checkOccurredOn(input.occurredOn, now);
  let lookups = await reportLookups(ctx.db);
  let problem = checkCodes(lookups, input);
  if (problem) {
    // Perhaps added a moment ago: look once more in the database before refusing.
    lookups = await reportLookups(ctx.db, { afterMiss: true });
    problem = checkCodes(lookups, input);
    if (problem) throw problem;
  }
  const place = await resolvePlace(ctx, input, lookups);
  // The reporter's language, as asked (body, then ?lang= or Accept-Language), matched to a configured one: nothing
  // else is stored, so a stray value can neither fill the column nor break the shared write (report-intake.ts).
  const language = negotiateLanguage(input.language ?? ctx.language, lookups.languages, lookups.defaultLanguage);
  return { occurredOn, ...place, country: lookups.country, language };
}

function checkOccurredOn(value: string | null | undefined, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  if (!value) return today;
  const latest = new Date(now.getTime() + DEVICE_CLOCK_AHEAD_MS).toISOString().slice(0, 10);
  if (value > latest)
    throw new AppError("VALIDATION_FAILED", "The date is in the future", [
      { path: "occurredOn", message: "must not be in the future" },
    ]);
  if (value < EARLIEST_OCCURRED_ON)
    throw new AppError("VALIDATION_FAILED", "The date is too far in the past", [
      { path: "occurredOn", message: `must be on or after ${EARLIEST_OCCURRED_ON}` },
    ]);
  return value;
}

function checkCodes(l: ReportLookups, input: SubmitReportInput): AppError | null {
  if (!l.categories.has(input.categoryCode))
    return new AppError("UNKNOWN_CATEGORY", `Unknown category ${input.categoryCode}`);
  if (l.subcategoryCategory.get(input.subcategoryCode) !== input.categoryCode)
    return new AppError(
      "UNKNOWN_SUBCATEGORY",
      `Unknown subcategory ${input.subcategoryCode} for ${input.categoryCode}`,
    );
  for (const code of input.challengeTypes) {
    if (l.challengeTypeSubcategory.get(code) !== input.subcategoryCode)
      return new AppError("UNKNOWN_CHALLENGE_TYPE", `Unknown challenge type ${code} for ${input.subcategoryCode}`);
  }
  // A well-formed code is not enough: an unknown or retired one would be counted under a group nobody can name.
  for (const code of input.keyPopulations) {
    if (!l.keyPopulations.has(code))
      return new AppError("UNKNOWN_KEY_POPULATION", `Unknown or retired key population ${code}`, {
        keyPopulation: code,
      });
  }
  return null;
}

async function resolvePlace(ctx: Ctx, input: SubmitReportInput, cached: ReportLookups) {
  let lookups = cached;
  const missing = (found: boolean) => !found && lookups === cached;
  const reload = async () => {
    lookups = await reportLookups(ctx.db, { afterMiss: true });
  };

  let facilityDistrict: string | undefined;
  if (input.facilityId) {
    if (missing(lookups.facilities.has(input.facilityId))) await reload();
    facilityDistrict = lookups.facilities.get(input.facilityId);
    if (!facilityDistrict) throw new AppError("UNKNOWN_FACILITY", "Unknown facility");
  }

  let districtId: string;
  if (input.districtId) {
    if (missing(lookups.districts.has(input.districtId))) await reload();
    if (!lookups.districts.has(input.districtId)) throw new AppError("UNKNOWN_AREA", "Unknown district");
    if (facilityDistrict && facilityDistrict !== input.districtId)
      throw new AppError("UNKNOWN_FACILITY", "The facility is not in this district");
    districtId = input.districtId;
  } else if (facilityDistrict) {
    // The facility names the place more precisely than where the phone happens to be.
    districtId = facilityDistrict;
  } else if (input.position) {
    districtId = await districtAt(ctx, input.position);
  } else {
    throw new AppError("PLACE_REQUIRED", "Choose a district or a facility, or share your position");
  }
  if (missing(lookups.districts.has(districtId))) await reload();
  const district = lookups.districts.get(districtId);
  if (!district) throw new AppError("UNKNOWN_AREA", "Unknown district");
  return { districtId, regionId: district.regionId, facilityId: input.facilityId ?? null };
}

import type {
  AgeGroup,
  AssistantKind,
  ConsentMethod,
  Gender,
  PublicConfig,
  ReporterMode,
  SubmitReportBody,
} from "@openclm/contracts";
import { isPracticeMode } from "../practice-mode.js";

/**
 * A report being written. It lives in sessionStorage only (see draft-storage.ts): a reload keeps it, the quick exit
 * and closing the tab drop it. Once sent, the outbox takes over.
 */
export interface Draft {
  clientId: string;
  /** Null while on the intro screen. */
  step: StepId | null;
  reporterMode: ReporterMode;
  /** A peer supporter confirms the person agreed to this report being made for them. */
  onBehalfAgreed: boolean;
  /** Reporting for someone: as whom (chosen at the start) and how the person agreed (with its form's reference). */
  assistantKind: AssistantKind | null;
  consentMethod: ConsentMethod | null;
  consentReference: string;
  categoryCode: string | null;
  subcategoryCode: string | null;
  challengeTypes: string[];
  regionId: string | null;
  districtId: string | null;
  facilityId: string | null;
  /**
   * Shown on the review screen (the facility list may not be at hand offline); "" once the person answered "no
   * particular place", null while the facility question is unanswered.
   */
  facilityName: string | null;
  /** Only between "use my location" and sending; never kept once the report is sent. */
  position: { lat: number; lng: number } | null;
  description: string;
  /** The answer to "When did it happen?": null until the person answers (no silent default). */
  occurredWhen: OccurredWhen | null;
  /** YYYY-MM-DD; empty when the person does not remember or has not answered. */
  occurredOn: string;
  gender: Gender | null;
  ageGroup: AgeGroup | null;
  keyPopulations: string[];
  keyPopulationsUndisclosed: boolean;
  consent: { contactMe: boolean; shareDeidentified: boolean; useInAdvocacyStories: boolean };
  phone: string;
}

export const occurredWhens = ["today", "yesterday", "earlier", "unknown"] as const;
export type OccurredWhen = (typeof occurredWhens)[number];

/**
 * The steps, one question each. The optional questions each have their own step (facility, when, gender, age,
 * keyPopulations), so a setting can leave any of them out.
 */
export const stepIds = [
  "category",
  "subcategory",
  "challenges",
  "place",
  "facility",
  "when",
  "story",
  "gender",
  "age",
  "keyPopulations",
  "consent",
  "contact",
  "review",
] as const;
export type StepId = (typeof stepIds)[number];

/** Today on this device, as YYYY-MM-DD (the date the person sees on their calendar); `daysAgo` before it. */
export function localToday(now = new Date(), daysAgo = 0): string {
  if (daysAgo) now = new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A random v4 UUID; randomUUID needs a secure context, getRandomValues does not (plain http on a LAN). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function" && isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newDraft(): Draft {
  return {
    clientId: newClientId(),
    step: null,
    reporterMode: "self",
    onBehalfAgreed: false,
    assistantKind: null,
    consentMethod: null,
    consentReference: "",
    categoryCode: null,
    subcategoryCode: null,
    challengeTypes: [],
    regionId: null,
    districtId: null,
    facilityId: null,
    facilityName: null,
    position: null,
    description: "",
    occurredWhen: null,
    occurredOn: "",
    gender: null,
    ageGroup: null,
    keyPopulations: [],
    keyPopulationsUndisclosed: false,
    consent: { contactMe: false, shareDeidentified: false, useInAdvocacyStories: false },
    phone: "",
  };
}

/** Which optional questions the programme asks (public config, setting `reportQuestions`). */
export type Asked = PublicConfig["questions"];

/** The question (setting `reportQuestions`) each optional step asks. */
const stepQuestion: Partial<Record<StepId, keyof Asked>> = {
  facility: "facility",
  when: "occurredOn",
  gender: "gender",
  age: "ageGroup",
  keyPopulations: "keyPopulations",
};

/** Whether the programme asks the question of this step (steps that are not optional always are). */
export function isAsked(step: StepId, asked: Asked): boolean {
  const question = stepQuestion[step];
  return !question || asked[question];
}

/**
 * The steps this draft goes through: the facility step only once a district is chosen (not with the device's
 * position), the phone step only when the person wants to be contacted, and an optional question's step only when
 * the programme asks it.
 */
export function activeSteps(draft: Draft, asked: Asked): StepId[] {
  return stepIds.filter(
    (s) =>
      isAsked(s, asked) &&
      (s !== "contact" || draft.consent.contactMe) &&
      (s !== "facility" || (!draft.position && !!draft.districtId)),
  );
}

/**
 * The steps are found by their place in `stepIds`, so that a draft saved on a step the programme has stopped asking
 * since (setting `reportQuestions`) still moves on to its neighbours.
 */
export function nextStep(draft: Draft, asked: Asked): StepId | null {
  const steps = activeSteps(draft, asked);
  if (!draft.step) return steps[0] ?? null;
  const here = stepIds.indexOf(draft.step);
  return steps.find((s) => stepIds.indexOf(s) > here) ?? null;
}

export function previousStep(draft: Draft, asked: Asked): StepId | null {
  const steps = activeSteps(draft, asked);
  if (!draft.step) return null;
  const here = stepIds.indexOf(draft.step);
  const before = steps.filter((s) => stepIds.indexOf(s) < here);
  return before[before.length - 1] ?? null;
}

/**
 * What is sent to POST /api/reports. A question the programme does not ask sends nothing, even if the draft holds an
 * answer from before the setting changed.
 */
export function toSubmitBody(draft: Draft, language: string, deviceId: string | null, asked: Asked): SubmitReportBody {
  const usePosition = !draft.districtId && !!draft.position;
  const keyPopulations = draft.keyPopulationsUndisclosed || !asked.keyPopulations ? [] : draft.keyPopulations;
  const description = draft.description.trim();
  const phone = draft.consent.contactMe ? draft.phone.trim() : "";
  const onBehalf = draft.reporterMode === "on_behalf";
  return {
    clientId: draft.clientId,
    channel: "app",
    reporterMode: draft.reporterMode,
    assistedBy:
      onBehalf && draft.assistantKind && draft.consentMethod
        ? {
            kind: draft.assistantKind,
            consentMethod: draft.consentMethod,
            consentReference: draft.consentMethod === "spoken" ? null : draft.consentReference.trim() || null,
          }
        : null,
    categoryCode: draft.categoryCode ?? "",
    subcategoryCode: draft.subcategoryCode ?? "",
    challengeTypes: draft.challengeTypes,
    description: description || null,
    occurredOn: (asked.occurredOn && draft.occurredOn) || null,
    ...(usePosition ? { position: draft.position } : { districtId: draft.districtId }),
    facilityId: usePosition || !asked.facility ? null : draft.facilityId,
    gender: asked.gender ? draft.gender : null,
    ageGroup: asked.ageGroup ? draft.ageGroup : null,
    keyPopulations,
    consent: draft.consent,
    contact: phone ? { phone } : null,
    language,
    deviceId,
    // Made in practice mode: a practice report (ADR 0023), whenever the outbox sends it.
    training: isPracticeMode(),
  };
}

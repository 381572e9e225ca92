import type { Draft, StepId } from "./draft.js";
import { localToday } from "./draft.js";
import { MAX_DESCRIPTION } from "./report-lists.js";

/** Keys of `report.errors.*` in the app catalog. */
export type FieldError =
  | "category"
  | "subcategory"
  | "place"
  | "district"
  | "when"
  | "dateFuture"
  | "dateMissing"
  | "tooLong"
  | "phone"
  | "onBehalf"
  | "consentMethod"
  | "consentReference";

export type StepErrors = Partial<Record<string, FieldError>>;

const PHONE = /^\+?[0-9 ().-]{6,31}$/;

/** What keeps the person from leaving a step, by field name; empty when the step is complete. */
export function validateStep(step: StepId, d: Draft, today = localToday()): StepErrors {
  const e: StepErrors = {};
  switch (step) {
    case "category":
      if (!d.categoryCode) e.category = "category";
      break;
    case "subcategory":
      if (!d.subcategoryCode) e.subcategory = "subcategory";
      break;
    case "place":
      if (!d.position && !d.districtId) e.place = d.regionId ? "district" : "place";
      break;
    case "when":
      // Asked, never assumed: "I do not remember" is an answer, nothing chosen is not.
      if (!d.occurredWhen) e.occurredWhen = "when";
      else if (d.occurredWhen === "earlier" && !d.occurredOn) e.occurredOn = "dateMissing";
      else if (d.occurredOn > today) e.occurredOn = "dateFuture";
      break;
    case "story":
      if (d.description.length > MAX_DESCRIPTION) e.description = "tooLong";
      break;
    case "consent":
      if (d.reporterMode !== "on_behalf") break;
      if (!d.onBehalfAgreed) e.onBehalf = "onBehalf";
      if (!d.consentMethod) e.consentMethod = "consentMethod";
      // A thumbprint is on paper: without the form's reference nobody could find the consent again.
      else if (d.consentMethod === "thumbprint" && !d.consentReference.trim()) e.consentReference = "consentReference";
      break;
    case "contact":
      if (d.consent.contactMe && d.phone.trim() && !PHONE.test(d.phone.trim())) e.phone = "phone";
      break;
    default:
      break;
  }
  return e;
}

/** The first step that is not complete, to send the person back there from the review. */
export function firstInvalidStep(d: Draft, steps: readonly StepId[]): StepId | null {
  for (const s of steps) if (Object.keys(validateStep(s, d)).length > 0) return s;
  return null;
}

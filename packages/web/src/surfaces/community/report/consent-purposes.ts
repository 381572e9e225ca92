import type { TrackedReport } from "@openclm/contracts";
import type { TFunction } from "i18next";
import type { Choice } from "./choice-list.js";

/** The purposes a reporter consents to, each on its own (PRODUCT.md 3.2), in the order they are asked. */
export const CONSENT_PURPOSES = ["contactMe", "shareDeidentified", "useInAdvocacyStories"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type Consent = TrackedReport["consent"];

/** One choice per purpose, worded for the reporter or for someone reporting on their behalf. */
export function consentChoices(t: TFunction<"app">, onBehalf: boolean): Choice[] {
  return CONSENT_PURPOSES.map((p) => ({
    value: p,
    label: t(`report.consent.${p}.${onBehalf ? "other" : "self"}`),
    description: t(`report.consent.${p}.detail`),
  }));
}

export const consentOf = (chosen: readonly string[]): Consent => ({
  contactMe: chosen.includes("contactMe"),
  shareDeidentified: chosen.includes("shareDeidentified"),
  useInAdvocacyStories: chosen.includes("useInAdvocacyStories"),
});

export const chosenOf = (consent: Consent): ConsentPurpose[] => CONSENT_PURPOSES.filter((p) => consent[p]);

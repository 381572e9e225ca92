import type { TFunction } from "i18next";

/**
 * Service codes the app has names for (the demo country's and the common ones). A country's own codes from its
 * facility file are shown as written, underscores as spaces, until they are named here.
 */
export const knownServices = [
  "tb_testing",
  "tb_treatment",
  "dot",
  "video_dot",
  "contact_screening",
  "hiv_testing",
  "counselling",
  "treatment_support",
  "side_effect_check",
  "xray",
  "inpatient_care",
  "mdr_tb_treatment",
  "paediatric_tb",
  "molecular_testing",
  "smear_microscopy",
  "tb_medicines",
  "hiv_medicines",
  "medicine_advice",
  "peer_support",
  "home_visits",
  "legal_advice",
  "legal_representation",
  "complaint_support",
  "mental_health_care",
  "food_parcels",
  "nutrition_advice",
  "cash_transfer",
  "transport_vouchers",
  "document_support",
  "information",
  "referrals",
  "harm_reduction",
] as const;
export type KnownService = (typeof knownServices)[number];

function isKnown(code: string): code is KnownService {
  return (knownServices as readonly string[]).includes(code);
}

export function serviceLabel(t: TFunction<"app">, code: string): string {
  return isKnown(code) ? t(`nearMe.serviceNames.${code}`) : code.replaceAll("_", " ");
}

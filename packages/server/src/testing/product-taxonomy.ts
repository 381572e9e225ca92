// Copied from PRODUCT.md 3.1: these codes are stable identifiers and must never drift.
export const PRODUCT_TAXONOMY: Record<string, string[]> = {
  rights: ["rights.health", "rights.discrimination", "rights.privacy"],
  stigma: [
    "stigma.self",
    "stigma.anticipated",
    "stigma.family_community",
    "stigma.health_care",
    "stigma.employment",
    "stigma.education",
  ],
  health_services: [
    "health_services.availability",
    "health_services.accessibility",
    "health_services.acceptability",
    "health_services.quality",
  ],
  support_services: [
    "support_services.mental_health",
    "support_services.nutrition",
    "support_services.financial",
    "support_services.legal_aid",
  ],
};

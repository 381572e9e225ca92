/** The facilities of Demoland as plain data: which type sits in which district, and the words used to name them. */
import type { FacilityType } from "@openclm/contracts";
import type { OpeningHours } from "../geography/geography.schema.js";
import type { DefaultText } from "../taxonomy/default-taxonomy.js";

const weekdays = ["mon", "tue", "wed", "thu", "fri"] as const;
const allDays = [...weekdays, "sat", "sun"] as const;

function week(days: readonly (keyof OpeningHours)[], spans: string[]): OpeningHours {
  return Object.fromEntries(days.map((d) => [d, spans]));
}

/** Opening-hour patterns seen in real TB programmes: office hours, morning DOT, Saturday clinics, 24/7 wards. */
export const HOURS = {
  weekdays: week(weekdays, ["08:00-17:00"]),
  weekdaysLunch: week(weekdays, ["08:00-12:00", "13:00-17:00"]),
  weekdaysAndSaturday: { ...week(weekdays, ["08:00-16:00"]), sat: ["09:00-13:00"] },
  mornings: { ...week(weekdays, ["07:30-13:30"]), sat: ["08:00-11:00"] },
  allDay: week(allDays, ["00:00-24:00"]),
  shop: { ...week([...weekdays, "sat"], ["08:00-20:00"]), sun: ["09:00-14:00"] },
  community: { ...week(["tue", "wed", "thu", "fri", "sat"], ["10:00-18:00"]) },
} satisfies Record<string, OpeningHours>;

export type HoursPattern = keyof typeof HOURS;

/** Services every facility of a type offers; a facility may add more. */
export const SERVICES: Record<FacilityType, string[]> = {
  tb_clinic: ["tb_testing", "tb_treatment", "dot", "contact_screening", "hiv_testing", "counselling"],
  dot_centre: ["dot", "video_dot", "treatment_support", "side_effect_check"],
  hospital: ["tb_testing", "xray", "inpatient_care", "mdr_tb_treatment", "paediatric_tb", "hiv_testing"],
  laboratory: ["tb_testing", "molecular_testing", "smear_microscopy"],
  pharmacy: ["tb_medicines", "hiv_medicines", "medicine_advice"],
  ngo: ["peer_support", "treatment_support", "home_visits", "counselling"],
  legal_aid: ["legal_advice", "legal_representation", "complaint_support"],
  psychosocial: ["counselling", "peer_support", "mental_health_care"],
  nutrition: ["food_parcels", "nutrition_advice"],
  social_protection: ["cash_transfer", "transport_vouchers", "document_support"],
  point_of_interest: ["information", "referrals"],
};

/** Name patterns: {p} is the district name, {g} its Russian genitive. */
export const TYPE_NAMES: Record<FacilityType, DefaultText> = {
  tb_clinic: {
    en: "{p} TB Clinic",
    fr: "Centre antituberculeux de {p}",
    ru: "Противотуберкулёзный диспансер {g}",
    pt: "Clínica de TB de {p}",
  },
  dot_centre: {
    en: "{p} Treatment Support Point (DOT)",
    fr: "Point de traitement supervisé (DOT) de {p}",
    ru: "Пункт контролируемого лечения {g}",
    pt: "Posto de Tratamento Supervisionado (DOT) de {p}",
  },
  hospital: {
    en: "{p} District Hospital",
    fr: "Hôpital de district de {p}",
    ru: "Районная больница {g}",
    pt: "Hospital Distrital de {p}",
  },
  laboratory: {
    en: "{p} TB Laboratory",
    fr: "Laboratoire de la tuberculose de {p}",
    ru: "Противотуберкулёзная лаборатория {g}",
    pt: "Laboratório de TB de {p}",
  },
  pharmacy: {
    en: "{p} Community Pharmacy",
    fr: "Pharmacie communautaire de {p}",
    ru: "Аптека {g}",
    pt: "Farmácia Comunitária de {p}",
  },
  ngo: {
    en: "{p} TB Community Network",
    fr: "Réseau communautaire TB de {p}",
    ru: "Общественная сеть против туберкулёза {g}",
    pt: "Rede Comunitária de TB de {p}",
  },
  legal_aid: {
    en: "{p} Legal Aid Office",
    fr: "Bureau d'aide juridique de {p}",
    ru: "Бюро бесплатной юридической помощи {g}",
    pt: "Gabinete de Apoio Jurídico de {p}",
  },
  psychosocial: {
    en: "{p} Counselling Centre",
    fr: "Centre d'écoute et de soutien de {p}",
    ru: "Центр психологической поддержки {g}",
    pt: "Centro de Apoio Psicossocial de {p}",
  },
  nutrition: {
    en: "{p} Food Support Centre",
    fr: "Centre d'aide alimentaire de {p}",
    ru: "Центр продуктовой помощи {g}",
    pt: "Centro de Apoio Alimentar de {p}",
  },
  social_protection: {
    en: "{p} Social Welfare Office",
    fr: "Bureau d'action sociale de {p}",
    ru: "Отдел социальной защиты {g}",
    pt: "Serviço de Ação Social de {p}",
  },
  point_of_interest: {
    en: "{p} Community Information Point",
    fr: "Point d'information communautaire de {p}",
    ru: "Информационный пункт {g}",
    pt: "Ponto de Informação Comunitária de {p}",
  },
};

export const STREETS: DefaultText[] = [
  { en: "Market Street", fr: "rue du Marché", ru: "ул. Рыночная", pt: "Rua do Mercado" },
  { en: "Station Road", fr: "avenue de la Gare", ru: "ул. Вокзальная", pt: "Avenida da Estação" },
  { en: "Hospital Lane", fr: "rue de l'Hôpital", ru: "ул. Больничная", pt: "Rua do Hospital" },
  {
    en: "Independence Avenue",
    fr: "avenue de l'Indépendance",
    ru: "просп. Независимости",
    pt: "Avenida da Independência",
  },
  { en: "River Street", fr: "rue de la Rivière", ru: "ул. Речная", pt: "Rua do Rio" },
  { en: "School Street", fr: "rue de l'École", ru: "ул. Школьная", pt: "Rua da Escola" },
  { en: "Garden Street", fr: "rue des Jardins", ru: "ул. Садовая", pt: "Rua dos Jardins" },
];

export interface FacilitySpec {
  district: string;
  type: FacilityType;
  hours?: HoursPattern;
  extraServices?: string[];
}

function f(district: string, type: FacilityType, hours?: HoursPattern, extraServices?: string[]): FacilitySpec {
  return { district, type, hours, extraServices };
}

/**
 * Regional centres (Tashkor, Marula, Moreza, Grodvin) get hospitals and most services, as in real countries;
 * rural districts get a clinic or DOT point and one support service. Every facility type appears at least once.
 */
export const DEMO_FACILITIES: FacilitySpec[] = [
  f("DL-N-01", "hospital", "allDay", ["culture_dst"]),
  f("DL-N-01", "tb_clinic", "weekdaysAndSaturday", ["paediatric_tb"]),
  f("DL-N-01", "laboratory", "weekdays", ["culture_dst"]),
  f("DL-N-01", "ngo", "community", ["food_parcels"]),
  f("DL-N-02", "tb_clinic", "weekdaysLunch"),
  f("DL-N-02", "pharmacy", "shop"),
  f("DL-N-02", "dot_centre", "mornings"),
  f("DL-N-03", "dot_centre", "mornings"),
  f("DL-N-03", "social_protection", "weekdays", ["disability_benefits"]),
  f("DL-N-04", "tb_clinic", "weekdays", ["xray"]),
  f("DL-N-04", "point_of_interest", "community", ["sputum_collection"]),
  f("DL-E-01", "dot_centre", "mornings"),
  f("DL-E-01", "pharmacy", "shop"),
  f("DL-E-02", "hospital", "allDay"),
  f("DL-E-02", "tb_clinic", "weekdaysAndSaturday", ["xray", "mdr_tb_treatment"]),
  f("DL-E-02", "legal_aid", "weekdays", ["employment_rights"]),
  f("DL-E-02", "nutrition", "weekdaysAndSaturday", ["cash_transfer"]),
  f("DL-E-03", "tb_clinic", "weekdaysLunch"),
  f("DL-E-03", "psychosocial", "community"),
  f("DL-S-01", "hospital", "allDay", ["culture_dst", "surgery"]),
  f("DL-S-01", "laboratory", "weekdaysAndSaturday", ["culture_dst", "drug_resistance_testing"]),
  f("DL-S-01", "tb_clinic", "weekdaysAndSaturday", ["paediatric_tb", "mdr_tb_treatment"]),
  f("DL-S-01", "ngo", "community", ["legal_advice", "harm_reduction"]),
  f("DL-S-01", "legal_aid", "weekdaysLunch", ["employment_rights"]),
  f("DL-S-01", "psychosocial", "weekdays", ["substance_use_support"]),
  f("DL-S-01", "pharmacy", "shop"),
  f("DL-S-02", "tb_clinic", "weekdays", ["xray"]),
  f("DL-S-02", "nutrition", "weekdays", ["child_feeding"]),
  f("DL-S-02", "dot_centre", "mornings", ["home_visits"]),
  f("DL-S-03", "dot_centre", "mornings"),
  f("DL-S-03", "point_of_interest", "weekdays"),
  f("DL-S-04", "tb_clinic", "weekdaysLunch", ["hiv_treatment"]),
  f("DL-S-04", "social_protection", "weekdays"),
  f("DL-W-01", "hospital", "allDay"),
  f("DL-W-01", "tb_clinic", "weekdaysAndSaturday"),
  f("DL-W-01", "nutrition", "weekdays"),
  f("DL-W-02", "dot_centre", "mornings", ["video_dot"]),
  f("DL-W-02", "pharmacy", "shop"),
  f("DL-W-03", "tb_clinic", "weekdays"),
  f("DL-W-03", "laboratory", "weekdaysLunch"),
  f("DL-W-03", "social_protection", "weekdaysAndSaturday", ["cash_transfer"]),
];

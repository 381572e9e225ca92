import type { Facility, FacilityType } from "@openclm/contracts";

/*
 * Closed lists the UI iterates over. The contracts package exports the same lists, but as part of modules that
 * build zod schemas: importing a value from it would pull zod (~25 KB gzipped) into the community app. So the web
 * app imports only types from @openclm/contracts and keeps these copies, checked at compile time to match.
 */

type Exhaustive<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never] ? List : never;

const facilityTypeValues = [
  "tb_clinic",
  "dot_centre",
  "hospital",
  "laboratory",
  "pharmacy",
  "ngo",
  "legal_aid",
  "psychosocial",
  "nutrition",
  "social_protection",
  "point_of_interest",
] as const satisfies readonly FacilityType[];
export const facilityTypes: Exhaustive<FacilityType, typeof facilityTypeValues> = facilityTypeValues;

export type Weekday = keyof Facility["openingHours"];
const weekdayValues = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const satisfies readonly Weekday[];
export const weekdays: Exhaustive<Weekday, typeof weekdayValues> = weekdayValues;

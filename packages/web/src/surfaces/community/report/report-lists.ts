import type { AgeGroup, Gender } from "@openclm/contracts";

/*
 * Closed lists the report flow offers. The contracts package exports them too, but importing a value from it pulls
 * zod into the community app, so these copies are checked against the contract types at compile time instead.
 */

type Exhaustive<Union, List extends readonly Union[]> = [Exclude<Union, List[number]>] extends [never] ? List : never;

const genderValues = ["female", "male", "transgender", "other", "undisclosed"] as const satisfies readonly Gender[];
export const genders: Exhaustive<Gender, typeof genderValues> = genderValues;

const ageGroupValues = [
  "0-4",
  "5-14",
  "15-24",
  "25-34",
  "35-44",
  "45-54",
  "55-64",
  "65+",
  "undisclosed",
] as const satisfies readonly AgeGroup[];
export const ageGroups: Exhaustive<AgeGroup, typeof ageGroupValues> = ageGroupValues;

/** The default key populations (PRODUCT.md 3.2). */
export const keyPopulations = [
  "plhiv",
  "health_worker",
  "prisoner",
  "people_who_use_drugs",
  "miner",
  "migrant",
  "child",
  "woman",
  "urban_poor",
  "rural_poor",
  "indigenous",
  "homeless",
  "diabetes",
] as const;
export type KeyPopulation = (typeof keyPopulations)[number];

/** Same limits as the contract (MAX_DESCRIPTION_LENGTH, MAX_MESSAGE_LENGTH). */
export const MAX_DESCRIPTION = 4000;
export const MAX_MESSAGE = 2000;

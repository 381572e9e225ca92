// Closed lists and limits from the zod-free entry of the contracts package (no zod in the community bundle).
import type { keyPopulations } from "@openclm/contracts/constants";

export {
  ageGroups,
  genders,
  keyPopulations,
  MAX_DESCRIPTION_LENGTH as MAX_DESCRIPTION,
  MAX_MESSAGE_LENGTH as MAX_MESSAGE,
} from "@openclm/contracts/constants";
export type KeyPopulation = (typeof keyPopulations)[number];

/**
 * The key populations the app offers, from Set-up's list (public config). "Woman or girl" and "child" are left out:
 * the gender and age questions already ask that, and offering both let the answers contradict each other.
 */
export function offeredKeyPopulations<K extends { code: string }>(list: readonly K[]): K[] {
  return list.filter((k) => k.code !== "woman" && k.code !== "child");
}

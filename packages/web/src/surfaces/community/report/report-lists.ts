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

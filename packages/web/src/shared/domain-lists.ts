import type { Facility } from "@openclm/contracts";

// Closed lists come from the zod-free entry of the contracts package, so they never pull zod into the bundle.
export { facilityTypes, weekdays } from "@openclm/contracts/constants";

export type Weekday = keyof Facility["openingHours"];

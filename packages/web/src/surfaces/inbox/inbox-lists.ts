import type { ReportStatus } from "@openclm/contracts";

// Closed lists and the status policy from the zod-free entry of the contracts package, shared with the server.
export { declineReasons, reportStatuses, statusTransitions as nextStatuses } from "@openclm/contracts/constants";

export const reopenableStatuses: readonly ReportStatus[] = ["validated", "declined"];

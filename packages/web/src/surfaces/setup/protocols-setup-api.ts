import type { ApiResponse, UpdateProtocolBody } from "@openclm/contracts";
import { staffApi } from "../../api/staff-client.js";

/** The protocols, and the global targets (`defaults`) a subcategory without its own falls back to. */
export type ProtocolList = ApiResponse<"GET /setup/protocols">;

export const protocolsSetupApi = {
  list: () => staffApi("GET /setup/protocols", {}),
  update: (subcategoryCode: string, body: UpdateProtocolBody) =>
    staffApi("PATCH /setup/protocols/:subcategoryCode", { params: { subcategoryCode }, body }),
};

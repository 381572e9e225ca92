import type { Protocol, UpdateProtocolBody } from "@openclm/contracts";
import { staffGet, staffSend } from "../../api/staff-client.js";

export interface ProtocolList {
  /** The global targets a subcategory without its own falls back to. */
  defaults: { firstResponseHours: number; resolutionHours: number };
  items: Protocol[];
}

export const protocolsSetupApi = {
  list: () => staffGet<ProtocolList>("/setup/protocols"),
  update: (subcategoryCode: string, body: UpdateProtocolBody) =>
    staffSend<Protocol>("PATCH", `/setup/protocols/${encodeURIComponent(subcategoryCode)}`, body),
};

import type {
  ChannelProviderId,
  ChannelProviderState,
  ChannelSettingsView,
  SimulateChannelBody,
  SimulateChannelResult,
  UpdateChannelProviderBody,
} from "@openclm/contracts";
import { staffGet, staffSend } from "../../api/staff-client.js";

export const channelsApi = {
  providers: () => staffGet<ChannelSettingsView>("/channels/providers"),
  save: (provider: ChannelProviderId, body: UpdateChannelProviderBody) =>
    staffSend<ChannelProviderState>("PUT", `/channels/providers/${provider}`, body),
  simulate: (body: SimulateChannelBody) => staffSend<SimulateChannelResult>("POST", "/channels/simulator", body),
};

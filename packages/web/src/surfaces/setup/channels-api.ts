import type {
  ChannelProviderId,
  ChannelProviderState,
  ChannelSettingsView,
  SendTestEmailResult,
  SimulateChannelBody,
  SimulateChannelResult,
  SmtpSettings,
  TelegramWebhookStatus,
  UpdateChannelProviderBody,
  UpdateSmtpSettingsBody,
} from "@openclm/contracts";
import { staffGet, staffSend } from "../../api/staff-client.js";

export const channelsApi = {
  providers: () => staffGet<ChannelSettingsView>("/channels/providers"),
  save: (provider: ChannelProviderId, body: UpdateChannelProviderBody) =>
    staffSend<ChannelProviderState>("PUT", `/channels/providers/${provider}`, body),
  simulate: (body: SimulateChannelBody) => staffSend<SimulateChannelResult>("POST", "/channels/simulator", body),
  telegramWebhookInfo: () => staffGet<TelegramWebhookStatus>("/channels/telegram/webhook-info"),
  registerTelegramWebhook: () =>
    staffSend<TelegramWebhookStatus>("POST", "/channels/telegram/webhook-registration", {}),
  smtp: () => staffGet<SmtpSettings>("/notifications/smtp"),
  saveSmtp: (body: UpdateSmtpSettingsBody) => staffSend<SmtpSettings>("PUT", "/notifications/smtp", body),
  testSmtp: () => staffSend<SendTestEmailResult>("POST", "/notifications/smtp/test", {}),
};

import type { TelegramWebhookStatus } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { useLanguage, useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { formatDate } from "../community/my-reports/format-date.js";
import { FormError } from "../staff/form-error.js";
import { channelsApi } from "./channels-api.js";

/**
 * Telegram's webhook, from Set-up: registers it (setWebhook with PUBLIC_URL's address and the secret token) and shows
 * what Telegram knows (getWebhookInfo): the address, updates waiting, the last delivery error.
 */
export function TelegramWebhook() {
  const t = useT("setup");
  const lng = useLanguage();
  const id = useId();
  const [status, setStatus] = useState<TelegramWebhookStatus | null>(null);
  const { busy, error, run } = useAction();
  useEffect(() => {
    channelsApi.telegramWebhookInfo().then(setStatus, () => setStatus(null));
  }, []);
  const info = status?.info;
  const registered = Boolean(info?.url) && info?.url === status?.expectedUrl;
  return (
    <section class="telegram-webhook" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("channels.telegramWebhook.title")}</h3>
      {status && (
        <dl class="telegram-webhook-status">
          <dt>{t("channels.telegramWebhook.registeredAt")}</dt>
          <dd>
            {info?.url ? <code>{info.url}</code> : t("channels.telegramWebhook.none")}{" "}
            {info?.url && !registered && <span class="form-error">{t("channels.telegramWebhook.other")}</span>}
          </dd>
          {info && (
            <>
              <dt>{t("channels.telegramWebhook.pending")}</dt>
              <dd>{info.pendingUpdateCount}</dd>
            </>
          )}
          {info?.lastErrorMessage && (
            <>
              <dt>{t("channels.telegramWebhook.lastError")}</dt>
              <dd>
                {info.lastErrorDate ? `${formatDate(info.lastErrorDate, lng, true)}: ` : ""}
                {info.lastErrorMessage}
              </dd>
            </>
          )}
        </dl>
      )}
      <p class="hint">{t("channels.telegramWebhook.hint")}</p>
      <button
        type="button"
        class="button button--secondary"
        disabled={busy}
        onClick={() => void run(async () => setStatus(await channelsApi.registerTelegramWebhook()))}
      >
        {busy ? t("channels.telegramWebhook.registering") : t("channels.telegramWebhook.register")}
      </button>
      <FormError error={error} />
      <p role="status" class="status-line">
        {status?.description ? t("channels.telegramWebhook.answer", { answer: status.description }) : ""}
      </p>
    </section>
  );
}

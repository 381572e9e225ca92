import "./channels-setup.css";
import type { ChannelFieldKey, ChannelProviderState } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { channelsApi } from "./channels-api.js";
import { MailSetup } from "./mail-setup.js";
import { TelegramWebhook } from "./telegram-webhook.js";

/**
 * /setup/channels (system administrator): which channel providers are on, their credentials (stored encrypted, never
 * shown again: only "set" or "not set", with replace and clear), sender ids, short codes and the USSD service code.
 * A value the server's environment sets is shown as such and cannot be changed here (issue 14 item 6).
 */
export function ChannelsSetup() {
  const t = useT("setup");
  const [providers, setProviders] = useState<ChannelProviderState[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    channelsApi.providers().then((v) => setProviders(v.providers), setLoadError);
  }, []);
  return (
    <>
      <p class="lead">{t("channels.intro")}</p>
      <FormError error={loadError} />
      {providers?.map((p) => (
        <ProviderForm
          key={p.provider}
          state={p}
          onSaved={(next) => setProviders(providers.map((q) => (q.provider === next.provider ? next : q)))}
        />
      ))}
      {providers && <MailSetup />}
    </>
  );
}

/** Where each provider calls this server (docs/channels.md), shown to copy into the provider's dashboard. */
const WEBHOOKS: Record<ChannelProviderState["provider"], string[]> = {
  africastalking: ["/api/channels/africastalking/ussd", "/api/channels/africastalking/sms"],
  twilio: ["/api/channels/twilio/sms"],
  telegram: ["/api/channels/telegram/webhook"],
  whatsapp: ["/api/channels/whatsapp/webhook"],
};

function ProviderForm(props: { state: ChannelProviderState; onSaved: (s: ChannelProviderState) => void }) {
  const t = useT("setup");
  const id = useId();
  const s = props.state;
  const [enabled, setEnabled] = useState(s.enabled);
  // What the person typed (plain values start as they are; secrets start empty: never shown).
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(s.fields.filter((f) => !f.secret && !f.fromEnvironment).map((f) => [f.key, f.value ?? ""])),
  );
  const [cleared, setCleared] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();

  const save = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const body: Record<string, string | null> = {};
      for (const f of s.fields) {
        if (f.fromEnvironment) continue;
        const typed = (values[f.key] ?? "").trim();
        if (f.secret) {
          if (cleared.has(f.key)) body[f.key] = null;
          else if (typed) body[f.key] = typed;
        } else if (f.key === "baseUrl") {
          // The default address is shown; only a different one is stored.
          if (typed !== (f.value ?? "")) body[f.key] = typed || null;
        } else {
          body[f.key] = typed || null;
        }
      }
      const next = await channelsApi.save(s.provider, { enabled, values: body });
      setValues(
        Object.fromEntries(
          next.fields.filter((f) => !f.secret && !f.fromEnvironment).map((f) => [f.key, f.value ?? ""]),
        ),
      );
      setCleared(new Set());
      props.onSaved(next);
      setSaved(true);
    });
  };

  return (
    <form class="staff-form panel setup-form channel-provider" noValidate onSubmit={save} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t(`channels.providers.${s.provider}`)}</h2>
      <label class="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />{" "}
        {t("channels.enabled")}
      </label>
      <div class="hint channel-webhooks">
        {t("channels.webhooks")}
        <ul>
          {WEBHOOKS[s.provider].map((path) => (
            <li key={path}>
              <code>{`${location.origin}${path}`}</code>
            </li>
          ))}
        </ul>
      </div>
      {s.fields.map((f) => {
        const inputId = `${id}-${f.key}`;
        const hintId = `${inputId}-hint`;
        const willClear = cleared.has(f.key);
        const hint = f.fromEnvironment
          ? t("channels.fromEnvironment", { name: f.env ?? "" })
          : f.secret
            ? willClear
              ? t("channels.willClear")
              : f.set
                ? t("channels.secretSet")
                : t("channels.secretNotSet")
            : f.env
              ? t("channels.overridable", { name: f.env })
              : "";
        const inputProps = {
          id: inputId,
          autoComplete: "off",
          inputMode: f.key === "baseUrl" ? ("url" as const) : undefined,
          disabled: f.fromEnvironment || willClear,
          value: f.fromEnvironment ? (f.secret ? "" : (f.value ?? "")) : (values[f.key] ?? ""),
          placeholder: f.secret && f.set && !f.fromEnvironment ? "••••••••" : undefined,
          "aria-describedby": hint ? hintId : undefined,
          onInput: (e: Event) => setValues({ ...values, [f.key]: (e.currentTarget as HTMLInputElement).value }),
        };
        return (
          <div class="field" key={f.key}>
            <label for={inputId}>{t(`channels.fields.${f.key as ChannelFieldKey}`)}</label>
            {f.secret ? <input type="password" {...inputProps} /> : <input type="text" {...inputProps} />}
            {hint && (
              <p class="hint" id={hintId}>
                {f.secret && !f.fromEnvironment && (
                  <span class={`channel-secret ${f.set && !willClear ? "is-set" : "is-unset"}`}>
                    {f.set && !willClear ? t("channels.set") : t("channels.notSet")}
                  </span>
                )}{" "}
                {hint}
              </p>
            )}
            {f.secret && !f.fromEnvironment && f.set && (
              <button
                type="button"
                class="button button--secondary"
                aria-pressed={willClear}
                onClick={() => {
                  const next = new Set(cleared);
                  if (willClear) next.delete(f.key);
                  else next.add(f.key);
                  setCleared(next);
                }}
              >
                {willClear ? t("channels.keep") : t("channels.clear")}
              </button>
            )}
          </div>
        );
      })}
      <button type="submit" class="button" disabled={busy}>
        {busy ? t("channels.saving") : t("channels.save")}
      </button>
      <FormError error={error} />
      <p role="status" class="status-line">
        {saved ? t("channels.saved") : ""}
      </p>
      {s.provider === "telegram" && s.enabled && <TelegramWebhook />}
    </form>
  );
}

import type { SendTestEmailResult, SmtpSettings } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { channelsApi } from "./channels-api.js";

/**
 * The SMTP server staff e-mail goes through (issue 14 item 5), on the channel providers page (system administrator).
 * The password is stored encrypted and never shown again; `SMTP_URL` in the server's environment wins, and the page
 * says so. "Send a test e-mail" sends one to the administrator and shows what the SMTP server said.
 */
export function MailSetup() {
  const t = useT("setup");
  const id = useId();
  const [settings, setSettings] = useState<SmtpSettings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    channelsApi.smtp().then(setSettings, setLoadError);
  }, []);
  return (
    <section class="staff-form panel setup-form channel-provider" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("mail.title")}</h2>
      <p class="hint">{t("mail.intro")}</p>
      <FormError error={loadError} />
      {settings?.fromEnvironment && <p class="hint">{t("mail.fromEnvironment")}</p>}
      {settings && <SmtpForm key={settings.updatedAt ?? "new"} settings={settings} onSaved={setSettings} />}
      {settings && <TestMail configured={settings.configured} />}
    </section>
  );
}

function SmtpForm(props: { settings: SmtpSettings; onSaved: (s: SmtpSettings) => void }) {
  const t = useT("setup");
  const id = useId();
  const s = props.settings;
  const [host, setHost] = useState(s.host ?? "");
  const [port, setPort] = useState(s.port === null ? "" : String(s.port));
  const [secure, setSecure] = useState(s.secure);
  const [username, setUsername] = useState(s.username ?? "");
  const [password, setPassword] = useState("");
  const [clearPassword, setClearPassword] = useState(false);
  const [from, setFrom] = useState(s.from ?? "");
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const save = (e: Event) => {
    e.preventDefault();
    setSaved(false);
    void run(async () => {
      const next = await channelsApi.saveSmtp({
        host: host.trim() || null,
        port: port.trim() ? Number(port) : null,
        secure,
        username: username.trim() || null,
        ...(clearPassword ? { password: null } : password ? { password } : {}),
        from: from.trim() || null,
      });
      setPassword("");
      setClearPassword(false);
      props.onSaved(next);
      setSaved(true);
    });
  };
  /** One labelled input, with its hint tied to it. */
  const field = (
    key: string,
    value: string,
    onInput: (v: string) => void,
    opts: {
      type?: "text" | "number" | "password" | "email";
      hint?: string;
      disabled?: boolean;
      placeholder?: string;
      autoComplete?: string;
    } = {},
  ) => (
    <div class="field">
      <label for={`${id}-${key}`}>{t(`mail.${key}` as "mail.host")}</label>
      <input
        id={`${id}-${key}`}
        type={(opts.type ?? "text") as "text"}
        autoComplete={opts.autoComplete ?? "off"}
        value={value}
        disabled={opts.disabled}
        placeholder={opts.placeholder}
        aria-describedby={opts.hint ? `${id}-${key}-hint` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {opts.hint && (
        <p class="hint" id={`${id}-${key}-hint`}>
          {opts.hint}
        </p>
      )}
    </div>
  );
  return (
    <form noValidate onSubmit={save} aria-label={t("mail.title")}>
      {field("host", host, setHost)}
      {field("port", port, setPort, { type: "number", hint: t("mail.portHint") })}
      <div class="check">
        <input
          id={`${id}-secure`}
          type="checkbox"
          checked={secure}
          onChange={(e) => setSecure(e.currentTarget.checked)}
        />
        <label for={`${id}-secure`}>{t("mail.secure")}</label>
      </div>
      {field("username", username, setUsername)}
      {field("password", password, setPassword, {
        type: "password",
        autoComplete: "new-password",
        disabled: clearPassword,
        placeholder: s.passwordSet ? "••••••••" : undefined,
        hint: clearPassword
          ? t("channels.willClear")
          : s.passwordSet
            ? `${t("channels.set")} ${t("channels.secretSet")}`
            : t("channels.secretNotSet"),
      })}
      {s.passwordSet && (
        <button
          type="button"
          class="button button--secondary"
          aria-pressed={clearPassword}
          onClick={() => setClearPassword(!clearPassword)}
        >
          {clearPassword ? t("channels.keep") : t("channels.clear")}
        </button>
      )}
      {field("from", from, setFrom, { type: "email", hint: t("mail.fromHint") })}
      <button type="submit" class="button" disabled={busy}>
        {busy ? t("channels.saving") : t("mail.save")}
      </button>
      <FormError error={error} />
      <p role="status" class="status-line">
        {saved ? t("channels.saved") : ""}
      </p>
    </form>
  );
}

function TestMail(props: { configured: boolean }) {
  const t = useT("setup");
  const [result, setResult] = useState<SendTestEmailResult | null>(null);
  const { busy, error, run } = useAction();
  return (
    <div class="mail-test">
      <button
        type="button"
        class="button button--secondary"
        disabled={busy || !props.configured}
        onClick={() => void run(async () => setResult(await channelsApi.testSmtp()))}
      >
        {busy ? t("mail.testing") : t("mail.test")}
      </button>
      {!props.configured && <p class="hint">{t("mail.notConfigured")}</p>}
      <FormError error={error} />
      <p role="status" class={result && !result.sent ? "form-error" : "status-line"}>
        {result
          ? result.sent
            ? t("mail.testSent", { to: result.to })
            : t("mail.testFailed", { to: result.to, error: result.error ?? "" })
          : ""}
      </p>
    </div>
  );
}

import type { Me } from "@openclm/contracts";
import { useId, useState } from "preact/hooks";
import { auth } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "./form-error.js";
import { StepHeading } from "./step-heading.js";

/** Second factor: the 6-digit code from the authenticator app, or one of the recovery codes. */
export function SignInCode(props: {
  onDone(me: Me, recoveryCodes?: string[]): void;
  onRestart(): void;
  /** Right after enrolment the heading is already on screen (the QR step). */
  heading?: boolean;
}) {
  const t = useT("common");
  const id = useId();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget as HTMLFormElement).get("code") ?? "").trim();
    setBusy(true);
    setError(null);
    try {
      const result = await auth.verify(recovery ? { recoveryCode: value } : { code: value.replace(/\s/g, "") });
      props.onDone(result.me, result.recoveryCodes);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const codeId = `${id}-code`;
  return (
    <form class="staff-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`} aria-busy={busy}>
      {props.heading !== false ? (
        <StepHeading id={`${id}-h`}>{t("staff.signIn.codeTitle")}</StepHeading>
      ) : (
        <h3 id={`${id}-h`}>{t("staff.signIn.codeTitle")}</h3>
      )}
      <div class="field">
        <label for={codeId}>{recovery ? t("staff.signIn.recoveryCode") : t("staff.signIn.code")}</label>
        {recovery ? (
          <input key="recovery" id={codeId} name="code" type="text" autocomplete="off" spellcheck={false} required />
        ) : (
          <input
            key="totp"
            id={codeId}
            name="code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
            aria-describedby={`${id}-hint`}
          />
        )}
        {!recovery && (
          <p class="hint" id={`${id}-hint`}>
            {t("staff.signIn.codeHint")}
          </p>
        )}
      </div>
      <FormError error={error} />
      <div class="button-row">
        <button type="submit" class="button" disabled={busy}>
          {t("staff.signIn.verify")}
        </button>
        <button
          type="button"
          class="button button--secondary"
          onClick={() => {
            setRecovery(!recovery);
            setError(null);
            requestAnimationFrame(() => document.getElementById(codeId)?.focus());
          }}
        >
          {recovery ? t("staff.signIn.useApp") : t("staff.signIn.useRecovery")}
        </button>
        <button type="button" class="button button--link" onClick={props.onRestart}>
          {t("staff.signIn.restart")}
        </button>
      </div>
    </form>
  );
}

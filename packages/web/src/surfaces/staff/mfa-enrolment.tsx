import type { Me } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { auth } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "./form-error.js";
import { SignInCode } from "./sign-in-code.js";
import { StepHeading } from "./step-heading.js";

/** First sign-in: set up an authenticator app from a QR code (or the secret typed in), then confirm with a code. */
export function MfaEnrolment(props: { onDone(me: Me, recoveryCodes?: string[]): void; onRestart(): void }) {
  const t = useT("common");
  const id = useId();
  const [enrolment, setEnrolment] = useState<{ secret: string; qrCode: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    auth.startEnrolment().then(setEnrolment, setError);
  }, []);

  return (
    <section class="staff-form" aria-labelledby={`${id}-h`}>
      <StepHeading id={`${id}-h`}>{t("staff.enrol.title")}</StepHeading>
      <p>{t("staff.enrol.intro")}</p>
      <FormError error={error} />
      {!enrolment && !error && <p aria-live="polite">{t("loading")}</p>}
      {enrolment && (
        <>
          <img class="qr-code" src={enrolment.qrCode} alt={t("staff.enrol.qrAlt")} width={200} height={200} />
          <p>
            {t("staff.enrol.manual")}{" "}
            <code class="secret" translate={false}>
              {enrolment.secret}
            </code>
          </p>
          <SignInCode heading={false} onDone={props.onDone} onRestart={props.onRestart} />
        </>
      )}
      {error ? (
        <button type="button" class="button" onClick={props.onRestart}>
          {t("staff.signIn.restart")}
        </button>
      ) : null}
    </section>
  );
}

import { useId, useState } from "preact/hooks";
import { auth } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "./form-error.js";
import { StepHeading } from "./step-heading.js";

/** First factor: email and password. */
export function SignInCredentials(props: {
  onDone(enrolmentRequired: boolean): void;
  notice?: string;
  focus: boolean;
}) {
  const t = useT("common");
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const result = await auth.login(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
      props.onDone(result.enrolmentRequired);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="staff-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`} aria-busy={busy}>
      <StepHeading id={`${id}-h`} focus={props.focus}>
        {t("staff.signIn.title")}
      </StepHeading>
      {props.notice && <p class="notice">{props.notice}</p>}
      <div class="field">
        <label for={`${id}-email`}>{t("staff.signIn.email")}</label>
        <input id={`${id}-email`} name="email" type="email" autocomplete="username" required />
      </div>
      <div class="field">
        <label for={`${id}-password`}>{t("staff.signIn.password")}</label>
        <input id={`${id}-password`} name="password" type="password" autocomplete="current-password" required />
      </div>
      <FormError error={error} />
      <button type="submit" class="button" disabled={busy}>
        {t("staff.signIn.continue")}
      </button>
    </form>
  );
}

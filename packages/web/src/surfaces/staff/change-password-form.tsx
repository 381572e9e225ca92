import { useId, useState } from "preact/hooks";
import { auth } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "./form-error.js";
import { NewPasswordFields, readNewPassword } from "./new-password-fields.js";
import { StepHeading } from "./step-heading.js";

/**
 * Change one's own password: the current one first (a session left open is not enough), then the new one twice.
 * `forced`: the first sign-in with a password an administrator chose; the page explains why and nothing else opens.
 */
export function ChangePasswordForm(props: { forced?: boolean; onDone(): void }) {
  const t = useT("common");
  const id = useId();
  const action = useAction();
  const [mismatch, setMismatch] = useState(false);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const newPassword = readNewPassword(form);
    setMismatch(newPassword === null);
    if (newPassword === null) return;
    const currentPassword = String(new FormData(form).get("currentPassword") ?? "");
    void action.run(async () => {
      await auth.changePassword({ currentPassword, newPassword });
      form.reset();
      props.onDone();
    });
  };

  return (
    <form class="panel staff-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`} aria-busy={action.busy}>
      <StepHeading id={`${id}-h`} focus={props.forced}>
        {t(props.forced ? "staff.password.forcedTitle" : "staff.password.title")}
      </StepHeading>
      <p>{t(props.forced ? "staff.password.forcedIntro" : "staff.password.intro")}</p>
      <div class="field">
        <label for={`${id}-current`}>{t(props.forced ? "staff.password.given" : "staff.password.current")}</label>
        <input id={`${id}-current`} name="currentPassword" type="password" autocomplete="current-password" required />
      </div>
      <NewPasswordFields />
      {mismatch && (
        <p class="form-error" role="alert">
          {t("staff.password.mismatch")}
        </p>
      )}
      {action.error?.code === "INVALID_CREDENTIALS" ? (
        <p class="form-error" role="alert">
          {t("staff.password.wrongCurrent")}
        </p>
      ) : (
        <FormError error={action.error} />
      )}
      <button type="submit" class="button" disabled={action.busy}>
        {t("staff.password.save")}
      </button>
    </form>
  );
}

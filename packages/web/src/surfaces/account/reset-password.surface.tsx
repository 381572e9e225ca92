import "../staff/staff.css";
import { useId, useState } from "preact/hooks";
import { auth } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useDocumentTitle } from "../../shared/document.js";
import { PageHeading } from "../../shared/page-heading.js";
import { PlainLayout } from "../../shared/plain-layout.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";
import { NewPasswordFields, readNewPassword } from "../staff/new-password-fields.js";
import { StepHeading } from "../staff/step-heading.js";

/**
 * The token travels in the fragment (`/reset-password#…`): browsers never send it to a server or in a Referer. It is
 * read once and taken out of the address bar, so it does not stay in the history or a screenshot.
 */
function takeToken(): string {
  const token = window.location.hash.slice(1);
  if (token) window.history.replaceState(null, "", window.location.pathname);
  return token;
}

/** /reset-password — the page an administrator's one-time link opens: choose a new password, then sign in. */
export default function ResetPasswordSurface() {
  const t = useT("common");
  const id = useId();
  useDocumentTitle(t("staff.reset.title"));
  const [token] = useState(takeToken);
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const action = useAction();

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const newPassword = readNewPassword(e.currentTarget as HTMLFormElement);
    setMismatch(newPassword === null);
    if (newPassword !== null)
      void action.run(async () => {
        await auth.completeReset(token, newPassword);
        setDone(true);
      });
  };

  return (
    <PlainLayout>
      <PageHeading>{t("staff.reset.title")}</PageHeading>
      {done ? (
        <section class="panel" aria-labelledby={`${id}-done`}>
          <StepHeading id={`${id}-done`}>{t("staff.reset.doneTitle")}</StepHeading>
          <p>{t("staff.reset.doneBody")}</p>
          <a class="button" href="/inbox">
            {t("staff.reset.signIn")}
          </a>
        </section>
      ) : !token ? (
        <p class="panel panel--notice">{t("staff.reset.noToken")}</p>
      ) : (
        <form class="panel staff-form" onSubmit={onSubmit} aria-labelledby={`${id}-h`} aria-busy={action.busy}>
          <h2 id={`${id}-h`}>{t("staff.reset.formTitle")}</h2>
          <p>{t("staff.reset.intro")}</p>
          <NewPasswordFields />
          {mismatch && (
            <p class="form-error" role="alert">
              {t("staff.password.mismatch")}
            </p>
          )}
          <FormError error={action.error} />
          <button type="submit" class="button" disabled={action.busy}>
            {t("staff.reset.save")}
          </button>
        </form>
      )}
    </PlainLayout>
  );
}

import "./account.css";
import type { MyNotificationPreferences } from "@openclm/contracts";
import { type EmailNotificationChoice, emailNotificationChoices } from "@openclm/contracts/constants";
import { useEffect, useId, useState } from "preact/hooks";
import { staffGet, staffSend } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";

/**
 * A staff member's own e-mail notifications (issue 14 item 5): new reports in their scope, reports assigned to them,
 * escalations to them — each at once, in one daily digest, or none.
 */
export function NotificationPreferences() {
  const t = useT("common");
  const id = useId();
  const [choice, setChoice] = useState<EmailNotificationChoice | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  useEffect(() => {
    staffGet<MyNotificationPreferences>("/me/notifications").then(
      (p) => setChoice(p.emailNotifications),
      () => setChoice(null),
    );
  }, []);
  const save = (e: Event) => {
    e.preventDefault();
    if (!choice) return;
    setSaved(false);
    void run(async () => {
      const next = await staffSend<MyNotificationPreferences>("PUT", "/me/notifications", {
        emailNotifications: choice,
      });
      setChoice(next.emailNotifications);
      setSaved(true);
    });
  };
  return (
    <form class="staff-form panel account-notifications" noValidate onSubmit={save} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("staff.notifications.title")}</h2>
      <p class="hint">{t("staff.notifications.intro")}</p>
      <fieldset class="field">
        <legend>{t("staff.notifications.legend")}</legend>
        {emailNotificationChoices.map((c) => (
          <div class="check" key={c}>
            <input
              id={`${id}-${c}`}
              type="radio"
              name={`${id}-choice`}
              checked={choice === c}
              disabled={choice === null}
              onChange={() => setChoice(c)}
            />
            <label for={`${id}-${c}`}>{t(`staff.notifications.choices.${c}`)}</label>
          </div>
        ))}
      </fieldset>
      <p class="hint">{t("staff.notifications.privacy")}</p>
      <button type="submit" class="button" disabled={busy || choice === null}>
        {t("staff.notifications.save")}
      </button>
      <FormError error={error} />
      <p role="status" class="status-line">
        {saved ? t("staff.notifications.saved") : ""}
      </p>
    </form>
  );
}

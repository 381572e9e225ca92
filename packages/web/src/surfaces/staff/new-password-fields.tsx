import { useId } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";

/** "New password" twice (a typo in a hidden field would lock the person out), with the policy as a hint. */
export function NewPasswordFields() {
  const t = useT("common");
  const id = useId();
  return (
    <>
      <div class="field">
        <label for={`${id}-new`}>{t("staff.password.new")}</label>
        <p class="hint" id={`${id}-hint`}>
          {t("staff.password.policy")}
        </p>
        <input
          id={`${id}-new`}
          name="newPassword"
          type="password"
          autocomplete="new-password"
          minLength={12}
          maxLength={256}
          aria-describedby={`${id}-hint`}
          required
        />
      </div>
      <div class="field">
        <label for={`${id}-again`}>{t("staff.password.again")}</label>
        <input id={`${id}-again`} name="newPasswordAgain" type="password" autocomplete="new-password" required />
      </div>
    </>
  );
}

/** The new password from the form, or null (with the second field marked) when the two do not match. */
export function readNewPassword(form: HTMLFormElement): string | null {
  const data = new FormData(form);
  const value = String(data.get("newPassword") ?? "");
  const again = form.elements.namedItem("newPasswordAgain") as HTMLInputElement | null;
  if (value === String(data.get("newPasswordAgain") ?? "")) {
    again?.removeAttribute("aria-invalid");
    return value;
  }
  again?.setAttribute("aria-invalid", "true");
  again?.focus();
  return null;
}

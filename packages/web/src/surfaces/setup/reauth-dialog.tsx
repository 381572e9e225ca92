import { useEffect, useId, useRef, useState } from "preact/hooks";
import { auth } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";

/** "Confirm it's you": password and a fresh code before a sensitive change (the server asks; valid five minutes). */
export function ReauthDialog(props: { open: boolean; onDone(ok: boolean): void }) {
  const t = useT("setup");
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) {
      setError(null);
      d.showModal();
    }
    if (!props.open && d.open) d.close();
  }, [props.open]);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      await auth.reauth(String(data.get("password") ?? ""), String(data.get("code") ?? "").replace(/\s/g, ""));
      form.reset();
      props.onDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} class="dialog" aria-labelledby={`${id}-h`} onCancel={() => props.onDone(false)}>
      <form class="staff-form" onSubmit={onSubmit}>
        <h2 id={`${id}-h`}>{t("reauth.title")}</h2>
        <p>{t("reauth.intro")}</p>
        <div class="field">
          <label for={`${id}-pw`}>{t("reauth.password")}</label>
          <input id={`${id}-pw`} name="password" type="password" autocomplete="current-password" required />
        </div>
        <div class="field">
          <label for={`${id}-code`}>{t("reauth.code")}</label>
          <input
            id={`${id}-code`}
            name="code"
            type="text"
            inputMode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            maxLength={7}
            required
          />
        </div>
        <FormError error={error} />
        <div class="button-row">
          <button type="submit" class="button" disabled={busy}>
            {t("reauth.confirm")}
          </button>
          <button type="button" class="button button--secondary" onClick={() => props.onDone(false)}>
            {t("reauth.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}

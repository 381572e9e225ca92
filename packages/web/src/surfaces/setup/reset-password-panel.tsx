import type { PasswordResetLink } from "@openclm/contracts";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { type StaffUser, staffUsersApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";

/**
 * "Reset password" for one account: say what it does (the old password and authenticator stop working at once),
 * then, once confirmed (and re-authenticated), show the one-time link to hand over. It is shown only here, once.
 */
export function ResetPasswordPanel(props: {
  user: StaffUser;
  guard<T>(write: () => Promise<T>): Promise<T>;
  onClose(): void;
}) {
  const t = useT("setup");
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const action = useAction();
  const [link, setLink] = useState<PasswordResetLink | null>(null);
  const [copied, setCopied] = useState(false);
  const name = props.user.email;
  const url = link ? `${window.location.origin}${link.path}` : "";

  useEffect(() => heading.current?.focus(), [link]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard access (permissions, older browser): the field stays selectable by hand.
    }
  };

  return (
    <section class="panel reset-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1}>
        {t(link ? "accounts.resetLinkTitle" : "accounts.resetPasswordTitle", { name })}
      </h3>
      {link ? (
        <>
          <p>{t("accounts.resetLinkIntro", { time: new Date(link.expiresAt).toLocaleString() })}</p>
          <div class="field">
            <label for={`${id}-url`}>{t("accounts.resetLink")}</label>
            <input
              id={`${id}-url`}
              class="input"
              readOnly
              value={url}
              translate={false}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <p role="status" class="status-line">
            {copied ? t("accounts.resetLinkCopied") : ""}
          </p>
          <div class="actions">
            <button type="button" class="button button--secondary" onClick={() => void copy()}>
              {t("accounts.resetLinkCopy")}
            </button>
            <button type="button" class="button" onClick={props.onClose}>
              {t("accounts.resetDone")}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t("accounts.resetPasswordIntro")}</p>
          <FormError error={action.error} />
          <div class="actions">
            <button
              type="button"
              class="button button--danger"
              disabled={action.busy}
              aria-busy={action.busy}
              onClick={() =>
                void action.run(async () =>
                  setLink(await props.guard(() => staffUsersApi.resetPassword(props.user.id))),
                )
              }
            >
              {t("accounts.resetPasswordConfirm")}
            </button>
            <button type="button" class="button button--secondary" onClick={props.onClose}>
              {t("accounts.resetCancel")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

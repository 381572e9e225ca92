import { type StaffUser, staffUsersApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";

/** One account in the table, with disable/enable, "reset second factor" and "reset password". */
export function AccountRow(props: {
  user: StaffUser;
  isMe: boolean;
  areaName(id: string): string;
  run(write: () => Promise<unknown>, done: string): void;
  onResetPassword(user: StaffUser): void;
}) {
  const t = useT("setup");
  const tc = useT("common");
  const u = props.user;
  const scope = u.scopeAreaIds.length ? u.scopeAreaIds.map(props.areaName).join(", ") : t("accounts.wholeCountry");
  return (
    <tr class={u.disabled ? "row--disabled" : undefined}>
      <th scope="row">
        <span class="account-name">{u.displayName || u.email}</span>
        <span class="muted account-email" translate={false}>
          {u.email}
        </span>
      </th>
      <td>{tc(`roles.${u.role}`)}</td>
      <td>{scope}</td>
      <td>
        {u.disabled ? t("accounts.disabled") : t("accounts.active")}
        {" · "}
        {u.mfaEnrolled ? t("accounts.mfaOn") : t("accounts.mfaPending")}
        {u.trainee && (
          <>
            {" · "}
            <strong>{t("accounts.trainee")}</strong>
          </>
        )}
      </td>
      <td class="account-actions">
        {!props.isMe && (
          <button
            type="button"
            class="button button--secondary"
            aria-label={t(u.disabled ? "accounts.enableFor" : "accounts.disableFor", { name: u.email })}
            onClick={() =>
              props.run(
                () => staffUsersApi.update(u.id, { disabled: !u.disabled }),
                t(u.disabled ? "accounts.enabledDone" : "accounts.disabledDone", { name: u.email }),
              )
            }
          >
            {u.disabled ? t("accounts.enable") : t("accounts.disable")}
          </button>
        )}
        {!props.isMe && (
          <button
            type="button"
            class="button button--secondary"
            aria-label={t(u.trainee ? "accounts.unmarkTraineeFor" : "accounts.markTraineeFor", { name: u.email })}
            aria-pressed={u.trainee}
            onClick={() =>
              props.run(
                () => staffUsersApi.update(u.id, { trainee: !u.trainee }),
                t(u.trainee ? "accounts.unmarkedTrainee" : "accounts.markedTrainee", { name: u.email }),
              )
            }
          >
            {u.trainee ? t("accounts.unmarkTrainee") : t("accounts.markTrainee")}
          </button>
        )}
        {u.mfaEnrolled && !props.isMe && (
          <button
            type="button"
            class="button button--secondary"
            aria-label={t("accounts.resetMfaFor", { name: u.email })}
            onClick={() => props.run(() => staffUsersApi.resetMfa(u.id), t("accounts.resetMfaDone", { name: u.email }))}
          >
            {t("accounts.resetMfa")}
          </button>
        )}
        {!props.isMe && (
          <button
            type="button"
            class="button button--secondary"
            aria-label={t("accounts.resetPasswordFor", { name: u.email })}
            onClick={() => props.onResetPassword(u)}
          >
            {t("accounts.resetPassword")}
          </button>
        )}
      </td>
    </tr>
  );
}

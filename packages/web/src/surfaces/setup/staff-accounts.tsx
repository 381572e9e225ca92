import "./setup.css";
import { useState } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import type { StaffUser } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { Problem } from "../../shared/problem.js";
import { FormError } from "../staff/form-error.js";
import { useMe } from "../staff/session-store.js";
import { AccountRow } from "./account-row.js";
import { CreateAccountForm } from "./create-account-form.js";
import { ReauthDialog } from "./reauth-dialog.js";
import { ResetPasswordPanel } from "./reset-password-panel.js";
import { useReauth } from "./use-reauth.js";
import { useStaffUsers } from "./use-staff-users.js";

/** Staff accounts (system admin): the list, creating one, disabling, resetting a second factor or a password. */
export function StaffAccounts() {
  const t = useT("setup");
  const me = useMe();
  const { config } = useConfig();
  const { users, error, reload } = useStaffUsers();
  const reauth = useReauth();
  const [status, setStatus] = useState("");
  const [rowError, setRowError] = useState<unknown>(null);
  const [resetFor, setResetFor] = useState<StaffUser | null>(null);
  const areaName = (id: string) => config?.areas.find((a) => a.id === id)?.name ?? "—";

  const run = async (write: () => Promise<unknown>, done: string) => {
    setRowError(null);
    try {
      await reauth.guard(write);
      setStatus(done);
      await reload();
    } catch (err) {
      setRowError(err);
    }
  };

  return (
    <section class="accounts">
      <p>{t("accounts.intro")}</p>
      {error && <Problem error={error} onRetry={() => void reload()} />}
      <FormError error={rowError} />
      <p role="status" class="status-line">
        {status}
      </p>
      {users && (
        <div class="table-scroll">
          <table class="accounts-table">
            <caption class="visually-hidden">{t("accounts.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("accounts.person")}</th>
                <th scope="col">{t("accounts.role")}</th>
                <th scope="col">{t("accounts.scope")}</th>
                <th scope="col">{t("accounts.state")}</th>
                <th scope="col">{t("accounts.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <AccountRow
                  key={u.id}
                  user={u}
                  isMe={u.id === me.id}
                  areaName={areaName}
                  run={run}
                  onResetPassword={setResetFor}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {resetFor && (
        <ResetPasswordPanel
          key={resetFor.id}
          user={resetFor}
          guard={reauth.guard}
          onClose={() => {
            setResetFor(null);
            void reload();
          }}
        />
      )}
      <CreateAccountForm
        guard={reauth.guard}
        onCreated={(u) => {
          setStatus(t("accounts.created", { name: u.email }));
          void reload();
        }}
      />
      <ReauthDialog open={reauth.dialog.open} onDone={reauth.dialog.onDone} />
    </section>
  );
}

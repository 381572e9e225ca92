import type { StaffRoleCode } from "@openclm/contracts";
import { useId, useState } from "preact/hooks";
import { useConfig } from "../../api/public-config.js";
import { type StaffUser, staffUsersApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { AreaPicker } from "./area-picker.js";
import { staffRoles } from "./staff-roles.js";

/** A new staff account: who, which role, which areas, and a first password they sign in with (then set up 2FA). */
export function CreateAccountForm(props: {
  guard<T>(write: () => Promise<T>): Promise<T>;
  onCreated(user: StaffUser): void;
}) {
  const t = useT("setup");
  const tc = useT("common");
  const id = useId();
  const [role, setRole] = useState<StaffRoleCode>("first_responder");
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { config } = useConfig();

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setBusy(true);
    setError(null);
    try {
      const user = await props.guard(() =>
        staffUsersApi.create({
          email: String(data.get("email") ?? "").trim(),
          displayName: String(data.get("displayName") ?? "").trim(),
          role,
          // Nothing ticked means the whole country (as the picker says): the server reads an empty scope as none.
          scopeAreaIds: areaIds.length ? areaIds : (config?.areas ?? []).filter((a) => a.level === 0).map((a) => a.id),
          scopeFacilityIds: [],
          password: String(data.get("password") ?? ""),
        }),
      );
      form.reset();
      setAreaIds([]);
      props.onCreated(user);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="staff-form panel create-account" onSubmit={onSubmit} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("accounts.createTitle")}</h2>
      <div class="field">
        <label for={`${id}-email`}>{t("accounts.email")}</label>
        <input id={`${id}-email`} name="email" type="email" autocomplete="off" required />
      </div>
      <div class="field">
        <label for={`${id}-name`}>{t("accounts.displayName")}</label>
        <input id={`${id}-name`} name="displayName" type="text" autocomplete="off" maxLength={120} />
      </div>
      <div class="field">
        <label for={`${id}-role`}>{t("accounts.role")}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.currentTarget.value as StaffRoleCode)}>
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {tc(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <AreaPicker value={areaIds} onChange={setAreaIds} />
      <div class="field">
        <label for={`${id}-pw`}>{t("accounts.password")}</label>
        <p class="hint" id={`${id}-pw-hint`}>
          {t("accounts.passwordHint")}
        </p>
        <input
          id={`${id}-pw`}
          name="password"
          type="password"
          autocomplete="new-password"
          minLength={12}
          required
          aria-describedby={`${id}-pw-hint`}
        />
      </div>
      <FormError error={error} />
      <button type="submit" class="button" disabled={busy}>
        {t("accounts.create")}
      </button>
    </form>
  );
}

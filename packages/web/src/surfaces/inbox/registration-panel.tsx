import type { RegistrationStatus } from "@openclm/contracts";
import { registrationStatuses } from "@openclm/contracts/constants";
import { useEffect, useId, useState } from "preact/hooks";
import { inboxApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { FormError } from "../staff/form-error.js";
import { useReportContext } from "./report-context.js";
import { useReportWrite } from "./use-report-write.js";

/** Where the programme requires it: the data manager records whether the reporter is registered with it. */
export function RegistrationPanel() {
  const t = useT("inbox");
  const id = useId();
  const { report } = useReportContext();
  const write = useReportWrite();
  const [value, setValue] = useState<RegistrationStatus>(report.registeredWithProgramme);
  useEffect(() => setValue(report.registeredWithProgramme), [report.registeredWithProgramme, report.version]);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void write.run(
      (version) => inboxApi.registration(report.id, { registeredWithProgramme: value, version }),
      t("registration.saved"),
    );
  };

  return (
    <form class="detail-section action-panel" aria-labelledby={`${id}-h`} onSubmit={onSubmit}>
      <h3 id={`${id}-h`}>{t("registration.title")}</h3>
      <div class="field">
        <label for={`${id}-v`}>{t("registration.label")}</label>
        <select id={`${id}-v`} value={value} onChange={(e) => setValue(e.currentTarget.value as RegistrationStatus)}>
          {registrationStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`registration.value.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <FormError error={write.error} />
      <button type="submit" class="button" disabled={write.busy || value === report.registeredWithProgramme}>
        {t("registration.save")}
      </button>
    </form>
  );
}

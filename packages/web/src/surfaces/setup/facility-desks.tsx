import type { ApiResponse } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { staffApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";

type Desk = ApiResponse<"GET /setup/desks">["items"][number];

/**
 * A facility's help desks (issue 23): a one-time code sets a shared device up as the facility's desk; the code shows
 * once. Revoking a desk stops its code and its device at once. Both are audited on the server.
 */
export function FacilityDesks(props: { facilityId: string }) {
  const t = useT("setup");
  const id = useId();
  const [desks, setDesks] = useState<Desk[]>([]);
  const [code, setCode] = useState<string | null>(null);
  const action = useAction();
  const reload = () =>
    staffApi("GET /setup/desks", {}).then((r) => setDesks(r.items.filter((d) => d.facilityId === props.facilityId)));
  useEffect(() => {
    void action.run(reload);
  }, [props.facilityId]);
  const issue = () =>
    action.run(async () => {
      const issued = await staffApi("POST /setup/desks", { body: { facilityId: props.facilityId } });
      setCode(issued.code);
      await reload();
    });
  const revoke = (deskId: string) =>
    action.run(async () => {
      if (!confirm(t("desks.revokeConfirm"))) return;
      await staffApi("DELETE /setup/desks/:id", { params: { id: deskId } });
      await reload();
    });
  const live = desks.filter((d) => !d.revokedAt);
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("desks.title")}</h3>
      <p class="hint">{t("desks.intro")}</p>
      <FormError error={action.error} />
      {code && (
        <p role="status" class="desk-code">
          {t("desks.codeOnce")} <strong translate={false}>{code}</strong>
        </p>
      )}
      {live.length > 0 && (
        <ul class="desk-list">
          {live.map((d) => (
            <li key={d.id}>
              {d.activatedAt ? t("desks.inUse", { date: d.activatedAt.slice(0, 10) }) : t("desks.notYetUsed")}{" "}
              <button type="button" class="button button--secondary" onClick={() => void revoke(d.id)}>
                {t("desks.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="button" disabled={action.busy} onClick={() => void issue()}>
        {t("desks.issue")}
      </button>
    </section>
  );
}

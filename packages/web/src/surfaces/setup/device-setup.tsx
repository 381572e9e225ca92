import type { Settings } from "@openclm/contracts";
import { useEffect, useId, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { staffApi } from "../../api/staff-client.js";
import { useT } from "../../i18n/use-t.js";
import { useAction } from "../../shared/use-action.js";
import { FormError } from "../staff/form-error.js";

/**
 * Phones and kiosks (system administrator): whether the community app keeps a sent report on the phone unless the
 * person unticks it (setting `device`). Off where reports come from facility kiosks or lent phones.
 */
export function DeviceSetup() {
  const t = useT("setup");
  const id = useId();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState("");
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const save = useAction();
  useEffect(() => {
    staffApi("GET /settings", {}).then(setSettings, (err: unknown) =>
      setLoadError(err instanceof ApiError ? err : new ApiError(0, "INTERNAL", String(err))),
    );
  }, []);
  // The box shows the choice at once (a controlled box would otherwise snap back while the change is saved) and
  // returns to the stored value if the server refuses it.
  const change = (keep: boolean) =>
    save.run(async () => {
      setStatus("");
      const stored = settings;
      setSettings((s) => s && { ...s, device: { keepReportsByDefault: keep } });
      try {
        setSettings(await staffApi("PATCH /settings", { body: { device: { keepReportsByDefault: keep } } }));
      } catch (err) {
        setSettings(stored);
        throw err;
      }
      setStatus(t(keep ? "device.savedOn" : "device.savedOff"));
    });
  return (
    <section class="setup-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("device.title")}</h2>
      <p>{t("device.intro")}</p>
      <FormError error={loadError ?? save.error} />
      {settings && (
        <div class="check">
          <input
            id={`${id}-keep`}
            type="checkbox"
            checked={settings.device.keepReportsByDefault}
            disabled={save.busy}
            aria-describedby={`${id}-keep-hint`}
            onChange={(e) => void change(e.currentTarget.checked)}
          />
          <label for={`${id}-keep`}>{t("device.keepDefault")}</label>
        </div>
      )}
      <p class="hint" id={`${id}-keep-hint`}>
        {t("device.keepDefaultHint")}
      </p>
      <p role="status" class="status-line">
        {status}
      </p>
    </section>
  );
}

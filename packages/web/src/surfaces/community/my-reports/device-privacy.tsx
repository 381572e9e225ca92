import { useId, useState } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";
import {
  devicePrefs,
  forgetReport,
  isSavedReport,
  programmeKeepsByDefault,
  readSavedReports,
  type SavedReport,
  saveReport,
  setDevicePrefs,
} from "../outbox/saved-reports.js";
import { saveSent } from "../report/draft-storage.js";

function Check(props: { label: string; hint?: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <label class="choice" for={id}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <span class="choice__text">
        <span class="choice__label">{props.label}</span>
        {props.hint && (
          <span id={`${id}-hint`} class="choice__desc">
            {props.hint}
          </span>
        )}
      </span>
    </label>
  );
}

/**
 * After sending: "keep this report on this phone?", ticked as the device's setting says (never on a shared device).
 * Unticked, the code is nowhere on the device, not even for a reload of this screen.
 */
export function KeepOnDevice(props: { trackingCode: string }) {
  const t = useT("app");
  const [kept, setKept] = useState(() => isSavedReport(props.trackingCode));
  // What the outbox saved, so that ticking again restores it as it was.
  const [entry] = useState<SavedReport>(
    () =>
      readSavedReports().find((r) => r.trackingCode === props.trackingCode) ?? {
        trackingCode: props.trackingCode,
        createdAt: new Date().toISOString(),
        categoryCode: "",
      },
  );
  if (devicePrefs().shared) return <p class="notice">{t("device.sharedNotice")}</p>;
  return (
    <div class="panel">
      <Check
        label={t("device.keepThis")}
        hint={t("device.keepThisHint")}
        checked={kept}
        onChange={(keep) => {
          if (keep) saveReport(entry);
          else forgetReport(props.trackingCode);
          saveSent(keep ? { kind: "sent", trackingCode: props.trackingCode } : null);
          setKept(keep);
        }}
      />
    </div>
  );
}

/** "My reports": how this phone treats the reports sent from it. */
export function DevicePrivacy() {
  const t = useT("app");
  const [prefs, setPrefs] = useState(devicePrefs);
  const change = (patch: Parameters<typeof setDevicePrefs>[0]) => {
    setDevicePrefs(patch);
    setPrefs(devicePrefs());
  };
  return (
    <section aria-labelledby="device-privacy-heading">
      <h2 id="device-privacy-heading">{t("device.title")}</h2>
      {prefs.shared ? (
        <p class="notice">{t("device.sharedNotice")}</p>
      ) : (
        <div class="choices__list">
          <Check
            label={t("device.keepDefault")}
            hint={t("device.keepDefaultHint")}
            checked={prefs.keep ?? programmeKeepsByDefault()}
            onChange={(keep) => change({ keep })}
          />
          <Check
            label={t("device.clearOnExit")}
            hint={t("device.clearOnExitHint")}
            checked={prefs.clearOnExit === true}
            onChange={(clearOnExit) => change({ clearOnExit })}
          />
        </div>
      )}
    </section>
  );
}

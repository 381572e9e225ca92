import { useId, useState } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";
import { normaliseCode } from "../outbox/saved-reports.js";
import { useOpenReport } from "./opened-report.js";

/** Open any report by its tracking code (one made on another phone, or by SMS); the code stays out of the address. */
export function TrackCodeForm(props: { onOpen?(code: string): void }) {
  const t = useT("app");
  const id = useId();
  const openReport = useOpenReport();
  const open = props.onOpen ?? openReport;
  const [code, setCode] = useState("");
  const [error, setError] = useState(false);
  return (
    <form
      class="track-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const clean = normaliseCode(code);
        if (clean.length < 4) {
          setError(true);
          return;
        }
        open(clean);
      }}
    >
      <h2>{t("myReports.trackTitle")}</h2>
      <div class="field">
        <label for={id}>{t("myReports.trackLabel")}</label>
        <p class="hint" id={`${id}-hint`}>
          {t("myReports.trackHint")}
        </p>
        <div class="inline-form">
          <input
            id={id}
            class="input input--code"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={20}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            aria-invalid={error ? true : undefined}
            onInput={(e) => {
              setCode(e.currentTarget.value);
              setError(false);
            }}
          />
          <button type="submit" class="button">
            {t("myReports.trackButton")}
          </button>
        </div>
        {error && (
          <p id={`${id}-error`} class="field-error">
            {t("myReports.trackInvalid")}
          </p>
        )}
      </div>
    </form>
  );
}

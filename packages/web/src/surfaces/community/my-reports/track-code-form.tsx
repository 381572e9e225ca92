import { useId, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useT } from "../../../i18n/use-t.js";
import { normaliseCode } from "../outbox/saved-reports.js";
import { APP_BASE } from "../sections.js";

/** Open any report by its tracking code (one made on another phone, or by SMS). */
export function TrackCodeForm() {
  const t = useT("app");
  const id = useId();
  const { route } = useLocation();
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
        route(`${APP_BASE}/track/${encodeURIComponent(clean)}`, true);
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

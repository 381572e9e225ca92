import { useState } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { isPracticeMode, setPracticeMode } from "./practice-mode.js";

/** On every screen while practice mode is on: what it means, and the way out. */
export function PracticeBanner() {
  const t = useT("app");
  const [on, setOn] = useState(isPracticeMode);
  if (!on) return null;
  return (
    <section class="practice-banner" aria-labelledby="practice-banner-title">
      <p>
        <strong id="practice-banner-title">{t("practice.title")}</strong> {t("practice.body")}
      </p>
      <button
        type="button"
        class="button button--secondary"
        onClick={() => {
          setPracticeMode(false);
          setOn(false);
        }}
      >
        {t("practice.leave")}
      </button>
    </section>
  );
}

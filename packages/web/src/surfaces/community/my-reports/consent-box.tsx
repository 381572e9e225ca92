import type { TrackedReport } from "@openclm/contracts";
import { useState } from "preact/hooks";
import { useT } from "../../../i18n/use-t.js";
import { Problem } from "../../../shared/problem.js";
import { useAction } from "../../../shared/use-action.js";
import { ChoiceList } from "../report/choice-list.js";
import { chosenOf, consentChoices, consentOf } from "../report/consent-purposes.js";
import { trackCall } from "./use-tracked-report.js";

/** What may be done with the report, per purpose: the reporter can take back or give consent at any time. */
export function ConsentBox(props: { report: TrackedReport; onChanged(report: TrackedReport): void }) {
  const t = useT("app");
  const { report } = props;
  const [chosen, setChosen] = useState<string[]>(chosenOf(report.consent));
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState(false);
  const erasesPhone = report.hasPhone && report.consent.contactMe && !chosen.includes("contactMe");
  const save = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      const next = await trackCall(report.trackingCode, "consent", consentOf(chosen));
      setChosen(chosenOf(next.consent));
      setSaved(true);
      props.onChanged(next);
    });
  };
  return (
    <section class="panel consent-box" aria-labelledby="consent-heading">
      <h2 id="consent-heading">{t("track.consent.title")}</h2>
      <form noValidate onSubmit={save}>
        <ChoiceList
          name="track-consent"
          multiple
          labelledBy="consent-heading"
          hint={t("track.consent.hint")}
          choices={consentChoices(t, false)}
          selected={chosen}
          onChange={(next) => {
            setChosen(next);
            setSaved(false);
          }}
        />
        {erasesPhone && <p class="notice">{t("track.consent.phoneErased")}</p>}
        {error && <Problem error={error} />}
        {saved && (
          <p class="notice" role="status">
            {t("track.consent.saved")}
          </p>
        )}
        <button type="submit" class="button" disabled={busy} aria-busy={busy}>
          {t("track.consent.save")}
        </button>
      </form>
    </section>
  );
}

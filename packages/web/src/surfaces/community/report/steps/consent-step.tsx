import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { chosenOf, consentChoices, consentOf } from "../consent-purposes.js";
import { AssistedConsent } from "./assisted-consent.js";
import type { StepProps } from "./step-props.js";

/** Consent per purpose, each a separate box, none ticked in advance. Reporting for someone needs their agreement. */
export function ConsentStep({ draft, update, errors, titleId }: StepProps) {
  const t = useT("app");
  const other = draft.reporterMode === "on_behalf";
  return (
    <>
      {other && <AssistedConsent draft={draft} update={update} errors={errors} />}
      <ChoiceList
        name="consent"
        multiple
        labelledBy={titleId}
        hint={t("report.steps.consent.hint")}
        choices={consentChoices(t, other)}
        selected={chosenOf(draft.consent)}
        onChange={(next) => update({ consent: consentOf(next) })}
      />
    </>
  );
}

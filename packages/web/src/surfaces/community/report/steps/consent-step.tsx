import { useId } from "preact/hooks";
import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { chosenOf, consentChoices, consentOf } from "../consent-purposes.js";
import type { StepProps } from "./step-props.js";

/** Consent per purpose, each a separate box, none ticked in advance. Reporting for someone needs their agreement. */
export function ConsentStep({ draft, update, errors, titleId }: StepProps) {
  const t = useT("app");
  const id = useId();
  const other = draft.reporterMode === "on_behalf";
  return (
    <>
      {other && (
        <div class={`check ${errors.onBehalf ? "check--invalid" : ""}`}>
          <input
            id={id}
            type="checkbox"
            checked={draft.onBehalfAgreed}
            aria-describedby={errors.onBehalf ? `${id}-error` : undefined}
            aria-invalid={errors.onBehalf ? true : undefined}
            onChange={(e) => update({ onBehalfAgreed: e.currentTarget.checked })}
          />
          <label for={id}>{t("report.steps.consent.onBehalf")}</label>
          {errors.onBehalf && (
            <p id={`${id}-error`} class="field-error">
              {t(`report.errors.${errors.onBehalf}`)}
            </p>
          )}
        </div>
      )}
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

import { useId } from "preact/hooks";
import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import type { Draft } from "../draft.js";
import type { StepProps } from "./step-props.js";

const purposes = [
  "contactMe",
  "shareDeidentified",
  "useInAdvocacyStories",
] as const satisfies readonly (keyof Draft["consent"])[];

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
        choices={purposes.map((p) => ({
          value: p,
          label: t(`report.consent.${p}.${other ? "other" : "self"}`),
          description: t(`report.consent.${p}.detail`),
        }))}
        selected={purposes.filter((p) => draft.consent[p])}
        onChange={(next) =>
          update({
            consent: {
              contactMe: next.includes("contactMe"),
              shareDeidentified: next.includes("shareDeidentified"),
              useInAdvocacyStories: next.includes("useInAdvocacyStories"),
            },
          })
        }
      />
    </>
  );
}

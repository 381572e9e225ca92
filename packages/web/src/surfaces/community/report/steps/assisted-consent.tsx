import type { ConsentMethod } from "@openclm/contracts";
import { consentMethods } from "@openclm/contracts/constants";
import { useId } from "preact/hooks";
import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import type { StepProps } from "./step-props.js";

/**
 * Reporting for someone: the person's agreement, how it was given, and for a signed or thumbprinted paper form its
 * reference (never the person's name), as the server records it (`assistedBy`).
 */
export function AssistedConsent({ draft, update, errors }: Omit<StepProps, "titleId" | "config" | "onEdit">) {
  const t = useT("app");
  const id = useId();
  const paper = draft.consentMethod === "signed" || draft.consentMethod === "thumbprint";
  const error = (key: string) =>
    errors[key] ? (
      <p id={`${id}-${key}-error`} class="field-error">
        {t(`report.errors.${errors[key]}`)}
      </p>
    ) : null;
  return (
    <>
      <div class={`check ${errors.onBehalf ? "check--invalid" : ""}`}>
        <input
          id={id}
          type="checkbox"
          checked={draft.onBehalfAgreed}
          aria-describedby={errors.onBehalf ? `${id}-onBehalf-error` : undefined}
          aria-invalid={errors.onBehalf ? true : undefined}
          onChange={(e) => update({ onBehalfAgreed: e.currentTarget.checked })}
        />
        <label for={id}>{t("report.steps.consent.onBehalf")}</label>
        {error("onBehalf")}
      </div>
      <ChoiceList
        name={`${id}-method`}
        legend={t("assist.methodLegend")}
        hint={t("assist.methodHint")}
        error={errors.consentMethod ? t(`report.errors.${errors.consentMethod}`) : undefined}
        choices={consentMethods.map((m) => ({ value: m, label: t(`assist.method.${m}`) }))}
        selected={draft.consentMethod ? [draft.consentMethod] : []}
        onChange={([m]) => update({ consentMethod: (m as ConsentMethod) ?? null })}
      />
      {paper && (
        <div class="field">
          <label for={`${id}-ref`}>{t("assist.reference")}</label>
          <p id={`${id}-ref-hint`} class="hint">
            {t("assist.referenceHint")}
          </p>
          <input
            id={`${id}-ref`}
            class="input"
            maxLength={64}
            autoComplete="off"
            value={draft.consentReference}
            aria-describedby={`${id}-ref-hint${errors.consentReference ? ` ${id}-consentReference-error` : ""}`}
            aria-invalid={errors.consentReference ? true : undefined}
            onInput={(e) => update({ consentReference: e.currentTarget.value })}
          />
          {error("consentReference")}
        </div>
      )}
    </>
  );
}

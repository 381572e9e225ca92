import { useId } from "preact/hooks";
import { useT } from "../../../../i18n/use-t.js";
import type { StepProps } from "./step-props.js";

export function ContactStep({ draft, update, errors }: StepProps) {
  const t = useT("app");
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{t("report.steps.contact.phone")}</label>
      <p id={`${id}-hint`} class="hint">
        {t("report.steps.contact.hint")}
      </p>
      <input
        id={id}
        type="tel"
        class="input"
        autoComplete="tel"
        inputMode="tel"
        maxLength={32}
        value={draft.phone}
        aria-describedby={`${id}-hint${errors.phone ? ` ${id}-error` : ""}`}
        aria-invalid={errors.phone ? true : undefined}
        onInput={(e) => update({ phone: e.currentTarget.value })}
      />
      {errors.phone && (
        <p id={`${id}-error`} class="field-error">
          {t(`report.errors.${errors.phone}`)}
        </p>
      )}
    </div>
  );
}

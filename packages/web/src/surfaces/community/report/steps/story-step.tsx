import { useId } from "preact/hooks";
import { useT } from "../../../../i18n/use-t.js";
import { MAX_DESCRIPTION } from "../report-lists.js";
import type { StepProps } from "./step-props.js";

export function StoryStep({ draft, update, errors }: StepProps) {
  const t = useT("app");
  const id = useId();
  const length = draft.description.length;
  return (
    <div class="field">
      <label for={`${id}-text`}>{t("report.steps.story.description")}</label>
      <p id={`${id}-hint`} class="hint">
        {t("report.steps.story.descriptionHint")}
      </p>
      <textarea
        id={`${id}-text`}
        rows={7}
        value={draft.description}
        maxLength={MAX_DESCRIPTION}
        aria-describedby={`${id}-hint ${id}-count${errors.description ? ` ${id}-text-error` : ""}`}
        aria-invalid={errors.description ? true : undefined}
        onInput={(e) => update({ description: e.currentTarget.value })}
      />
      <p id={`${id}-count`} class={`counter ${length > MAX_DESCRIPTION - 200 ? "counter--near" : ""}`}>
        {t("report.steps.story.counter", { count: length, max: MAX_DESCRIPTION })}
      </p>
      {errors.description && (
        <p id={`${id}-text-error`} class="field-error">
          {t(`report.errors.${errors.description}`)}
        </p>
      )}
    </div>
  );
}

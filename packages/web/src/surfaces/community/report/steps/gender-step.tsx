import type { Gender } from "@openclm/contracts";
import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { genders } from "../report-lists.js";
import type { StepProps } from "./step-props.js";

/** Optional: the person's gender, or "prefer not to say". The first of the questions about the person. */
export function GenderStep({ draft, update, titleId }: StepProps) {
  const t = useT("app");
  return (
    <>
      <p class="hint">
        {t(draft.reporterMode === "on_behalf" ? "report.steps.gender.hintOther" : "report.steps.gender.hint")}
      </p>
      <ChoiceList
        name="gender"
        labelledBy={titleId}
        choices={genders.map((g) => ({
          value: g,
          label: g === "undisclosed" ? t("report.preferNot") : t(`report.genders.${g}`),
        }))}
        selected={draft.gender ? [draft.gender] : []}
        onChange={([g]) => update({ gender: (g as Gender | undefined) ?? null })}
      />
    </>
  );
}

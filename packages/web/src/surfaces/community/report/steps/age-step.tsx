import type { AgeGroup } from "@openclm/contracts";
import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { ageGroups } from "../report-lists.js";
import type { StepProps } from "./step-props.js";

/** Optional: the person's age group, or "prefer not to say". */
export function AgeStep({ draft, update, titleId }: StepProps) {
  const t = useT("app");
  return (
    <ChoiceList
      name="age"
      labelledBy={titleId}
      hint={t("report.optional")}
      choices={ageGroups.map((a) => ({
        value: a,
        label: a === "undisclosed" ? t("report.preferNot") : t(`report.ageGroups.${a}`),
      }))}
      selected={draft.ageGroup ? [draft.ageGroup] : []}
      onChange={([a]) => update({ ageGroup: (a as AgeGroup | undefined) ?? null })}
    />
  );
}

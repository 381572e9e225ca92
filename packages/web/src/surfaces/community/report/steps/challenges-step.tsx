import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { findSubcategory } from "../taxonomy.js";
import type { StepProps } from "./step-props.js";

export function ChallengesStep({ draft, update, titleId, config }: StepProps) {
  const t = useT("app");
  const sub = findSubcategory(config, draft.subcategoryCode);
  return (
    <ChoiceList
      name="challenges"
      multiple
      labelledBy={titleId}
      hint={t("report.steps.challenges.hint")}
      choices={(sub?.challengeTypes ?? []).map((c) => ({ value: c.code, label: c.label }))}
      selected={draft.challengeTypes}
      onChange={(challengeTypes) => update({ challengeTypes })}
    />
  );
}

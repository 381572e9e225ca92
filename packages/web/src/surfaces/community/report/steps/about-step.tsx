import type { AgeGroup, Gender } from "@openclm/contracts";
import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { ageGroups, genders } from "../report-lists.js";
import type { StepProps } from "./step-props.js";

const UNDISCLOSED = "undisclosed";

/**
 * Gender, age group and key populations: each optional, each with "prefer not to say", each asked only where the
 * programme asks it (setting `reportQuestions`). The key populations and their names come from Set-up.
 */
export function AboutStep({ draft, update, config }: StepProps) {
  const asked = config.questions;
  const t = useT("app");
  const preferNot = t("report.steps.about.preferNot");
  const keyPopSelected = draft.keyPopulationsUndisclosed ? [UNDISCLOSED] : draft.keyPopulations;
  return (
    <>
      <p class="hint">
        {t(draft.reporterMode === "on_behalf" ? "report.steps.about.hintOther" : "report.steps.about.hint")}
      </p>
      {asked.gender && (
        <ChoiceList
          name="gender"
          legend={t("report.steps.about.gender")}
          choices={genders.map((g) => ({
            value: g,
            label: g === UNDISCLOSED ? preferNot : t(`report.genders.${g}`),
          }))}
          selected={draft.gender ? [draft.gender] : []}
          onChange={([g]) => update({ gender: (g as Gender | undefined) ?? null })}
        />
      )}
      {asked.ageGroup && (
        <ChoiceList
          name="age"
          legend={t("report.steps.about.ageGroup")}
          choices={ageGroups.map((a) => ({
            value: a,
            label: a === UNDISCLOSED ? preferNot : t(`report.ageGroups.${a}`),
          }))}
          selected={draft.ageGroup ? [draft.ageGroup] : []}
          onChange={([a]) => update({ ageGroup: (a as AgeGroup | undefined) ?? null })}
        />
      )}
      {asked.keyPopulations && (
        <ChoiceList
          name="keyPopulations"
          multiple
          legend={t("report.steps.about.keyPopulations")}
          hint={t("report.steps.about.keyPopulationsHint")}
          choices={[
            ...config.keyPopulations.map((k) => ({ value: k.code, label: k.label })),
            { value: UNDISCLOSED, label: preferNot },
          ]}
          selected={keyPopSelected}
          onChange={(next) => {
            // "Prefer not to say" and the populations exclude each other: the latest tap wins.
            const added = next.find((v) => !keyPopSelected.includes(v));
            if (added === UNDISCLOSED) update({ keyPopulations: [], keyPopulationsUndisclosed: true });
            else update({ keyPopulations: next.filter((v) => v !== UNDISCLOSED), keyPopulationsUndisclosed: false });
          }}
        />
      )}
    </>
  );
}

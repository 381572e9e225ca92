import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { offeredKeyPopulations } from "../report-lists.js";
import type { StepProps } from "./step-props.js";

const UNDISCLOSED = "undisclosed";

/**
 * Optional: the groups that describe the person (several may fit), or "prefer not to say". The groups and their
 * names come from Set-up (`/setup/forms`).
 */
export function KeyPopulationsStep({ draft, update, titleId, config }: StepProps) {
  const t = useT("app");
  const selected = draft.keyPopulationsUndisclosed ? [UNDISCLOSED] : draft.keyPopulations;
  return (
    <ChoiceList
      name="keyPopulations"
      multiple
      labelledBy={titleId}
      hint={t("report.steps.keyPopulations.hint")}
      choices={[
        ...offeredKeyPopulations(config.keyPopulations).map((k) => ({ value: k.code, label: k.label })),
        { value: UNDISCLOSED, label: t("report.preferNot") },
      ]}
      selected={selected}
      onChange={(next) => {
        // "Prefer not to say" and the populations exclude each other: the latest tap wins.
        const added = next.find((v) => !selected.includes(v));
        if (added === UNDISCLOSED) update({ keyPopulations: [], keyPopulationsUndisclosed: true });
        else update({ keyPopulations: next.filter((v) => v !== UNDISCLOSED), keyPopulationsUndisclosed: false });
      }}
    />
  );
}

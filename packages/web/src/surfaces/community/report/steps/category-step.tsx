import { useT } from "../../../../i18n/use-t.js";
import { CategoryIcon } from "../category-icon.js";
import { ChoiceList } from "../choice-list.js";
import type { StepProps } from "./step-props.js";

export function CategoryStep({ draft, update, errors, titleId, config }: StepProps) {
  const t = useT("app");
  return (
    <ChoiceList
      name="category"
      labelledBy={titleId}
      error={errors.category && t(`report.errors.${errors.category}`)}
      choices={config.taxonomy.map((c) => ({
        value: c.code,
        label: c.label,
        description: c.description,
        icon: <CategoryIcon name={c.icon} />,
      }))}
      selected={draft.categoryCode ? [draft.categoryCode] : []}
      onChange={([code]) => {
        if (code && code !== draft.categoryCode)
          update({ categoryCode: code, subcategoryCode: null, challengeTypes: [] });
      }}
    />
  );
}

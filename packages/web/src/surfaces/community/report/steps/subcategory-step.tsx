import { useT } from "../../../../i18n/use-t.js";
import { ChoiceList } from "../choice-list.js";
import { findCategory } from "../taxonomy.js";
import type { StepProps } from "./step-props.js";

export function SubcategoryStep({ draft, update, errors, titleId, config }: StepProps) {
  const t = useT("app");
  const category = findCategory(config, draft.categoryCode);
  return (
    <ChoiceList
      name="subcategory"
      labelledBy={titleId}
      error={errors.subcategory && t(`report.errors.${errors.subcategory}`)}
      choices={(category?.subcategories ?? []).map((s) => ({
        value: s.code,
        label: s.label,
        description: s.description,
      }))}
      selected={draft.subcategoryCode ? [draft.subcategoryCode] : []}
      onChange={([code]) => {
        if (code && code !== draft.subcategoryCode) update({ subcategoryCode: code, challengeTypes: [] });
      }}
    />
  );
}
